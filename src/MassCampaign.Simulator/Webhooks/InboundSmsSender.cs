using System.Globalization;
using MassCampaign.Simulator.Control;
using MassCampaign.Simulator.Sms;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>
/// Delivers an inbound SMS the way Vonage does (VONAGE.md §3): one webhook per part, a long message split into
/// parts sharing a <c>concat-ref</c>, posted in order and signed when a signature secret is set.
/// </summary>
internal sealed class InboundSmsSender(WebhookPoster poster, SimulatorMessageIds ids, SimulatorCounters counters, TimeProvider time)
{
    public async Task<InboundDelivery> SendAsync(InboundRequest request, Uri url, SimulatorSettings settings, string apiKey, CancellationToken cancellationToken)
    {
        var parts = SmsSegmenter.Split(request.Text);
        var type = SmsSegmenter.IsUcs2(request.Text) ? "unicode" : "text";
        var concatRef = Random.Shared.Next(1, 256).ToString(CultureInfo.InvariantCulture);
        var deliveries = new List<InboundPartDelivery>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var now = time.GetUtcNow();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["msisdn"] = Digits(request.From),
                ["to"] = Digits(request.To),
                ["messageId"] = ids.Next(),
                ["text"] = parts[i],
                ["type"] = type,
                ["keyword"] = Keyword(request.Text),
                ["api-key"] = apiKey,
                ["message-timestamp"] = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            };
            if (parts.Count > 1)
            {
                fields["concat"] = "true";
                fields["concat-ref"] = concatRef;
                fields["concat-total"] = parts.Count.ToString(CultureInfo.InvariantCulture);
                fields["concat-part"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            var signed = WebhookSigner.Sign(fields, settings, time);
            var status = await poster.PostOnceAsync(url, signed, cancellationToken);
            counters.InboundSent();
            deliveries.Add(new InboundPartDelivery(status, signed));
        }

        return new InboundDelivery(url.AbsoluteUri, deliveries);
    }

    // Numbers travel as digits only; an alphanumeric id stays as it is.
    private static string Digits(string number) =>
        number.Any(char.IsAsciiLetter) ? number : string.Concat(number.Where(char.IsAsciiDigit));

    private static string Keyword(string text)
    {
        var words = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "" : words[0].ToUpperInvariant();
    }
}
