using MassCampaign.Data.Inbound;
using MassCampaign.Host.Suppression;
using MassCampaign.Vonage.Webhooks;
using MassCampaign.Workflows.Sending;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Stores one inbound SMS webhook (a whole message, or one part of a long one) and acts on its keyword; a queued
/// answer is handed to the background sender at once, so the webhook's 200 never waits on Vonage. An opt-out reaches
/// this host's senders at once, and the 200 waits for any request to the number already under way here, so no
/// campaign SMS reaches it after its STOP is acknowledged.
/// </summary>
public sealed class InboundSmsHandler(
    InboundSmsStore store, KeywordResponder responder, PhoneInput phones, KeywordAnswerSignal answers, RecentOptOuts optOuts, TimeProvider time)
{
    /// <summary>Vonage numbers a long message's parts with one byte: more than 255 parts is not a real message.</summary>
    public const int MaxParts = 255;

    public async Task<InboundOutcome> HandleAsync(InboundSms sms, CancellationToken ct)
    {
        var phone = phones.FromVonage(sms.From);
        var part = sms.Concat is { } concat ? new InboundPart(concat.Reference, concat.Total, concat.Part) : null;
        var message = new InboundMessage(
            sms.MessageId, phone.E164 ?? sms.From, phone.IsValid, sms.To, sms.Text, sms.MessageTimestamp ?? time.GetUtcNow(), part);

        var outcome = await store.RecordAsync(message, responder.Decide, ct);
        InboundMetrics.Record(outcome);
        if (phone.E164 is { } optedOut && outcome.Replies.Any(r => r.Classification == "opt_out"))
        {
            await optOuts.AddAsync(optedOut, ct);
        }

        if (outcome.QueuedAnswer)
        {
            answers.Notify();
        }

        return outcome;
    }

    /// <returns>Why the concat fields cannot describe a part, or null when they can (or are absent).</returns>
    public static string? ValidateConcat(InboundSms sms) => sms.Concat switch
    {
        null => null,
        { Total: < 1 or > MaxParts } c => $"concat-total must be between 1 and {MaxParts}, not {c.Total}.",
        { Part: < 1 } c => $"concat-part counts from 1, not {c.Part}.",
        { } c when c.Part > c.Total => $"concat-part {c.Part} is beyond concat-total {c.Total}.",
        _ => null,
    };
}
