namespace MassCampaign.Vonage.Sms;

/// <summary>
/// One SMS to one recipient. <paramref name="To"/> may carry '+' or separators; only its digits are sent.
/// <paramref name="ClientRef"/> (at most 40 characters, e.g. recipient id + attempt) comes back in the
/// response and every delivery receipt. <paramref name="CallbackUrl"/> overrides the dashboard DLR URL.
/// </summary>
public sealed record SmsSendRequest(string From, string To, string Text, string ClientRef, Uri? CallbackUrl = null)
{
    public const int MaxClientRefLength = 40;
}
