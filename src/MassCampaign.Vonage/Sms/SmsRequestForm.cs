using MassCampaign.Domain.Messaging;

namespace MassCampaign.Vonage.Sms;

/// <summary>The form fields of <c>POST /sms/json</c> (VONAGE.md §1.2); credentials travel in the Basic header.</summary>
internal static class SmsRequestForm
{
    public static List<KeyValuePair<string, string>> Build(SmsSendRequest request)
    {
        var fields = new List<KeyValuePair<string, string>>(6)
        {
            new("from", Sender(request.From)),
            new("to", DigitsOnly(request.To)),
            new("text", request.Text),
            new("client-ref", request.ClientRef),
        };
        if (SmsText.Analyze(request.Text).Encoding == SmsEncoding.Ucs2)
        {
            fields.Add(new("type", "unicode"));
        }

        if (request.CallbackUrl is not null)
        {
            fields.Add(new("callback", request.CallbackUrl.AbsoluteUri));
        }

        return fields;
    }

    public static void Validate(SmsSendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.From, nameof(request.From));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.To, nameof(request.To));
        ArgumentNullException.ThrowIfNull(request.Text, nameof(request.Text));
        ArgumentException.ThrowIfNullOrEmpty(request.ClientRef, nameof(request.ClientRef));
        if (request.ClientRef.Length > SmsSendRequest.MaxClientRefLength)
        {
            throw new ArgumentException(
                $"client-ref is {request.ClientRef.Length} characters; Vonage allows {SmsSendRequest.MaxClientRefLength}.",
                nameof(request));
        }
    }

    // Vonage wants E.164 without '+' for numbers; an alphanumeric sender id goes as it is.
    private static string Sender(string from) =>
        from.StartsWith('+') && from.Length > 1 && !from.AsSpan(1).ContainsAnyExceptInRange('0', '9')
            ? from[1..]
            : from;

    private static string DigitsOnly(string number) => string.Concat(number.Where(char.IsAsciiDigit));
}
