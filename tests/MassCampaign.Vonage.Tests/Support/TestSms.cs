using MassCampaign.Vonage.Sms;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>Requests the tests send; each test uses its own recipient so counts never mix.</summary>
public static class TestSms
{
    public const string Sender = "MassCamp";

    public static SmsSendRequest To(string recipient, string text = "Your appointment is tomorrow at 10:00.", Uri? callback = null) =>
        new(Sender, recipient, text, $"r-{recipient.TrimStart('+')}-1", callback);

    /// <summary>GSM-7 text of exactly three concatenated parts (153 + 153 + 94 septets).</summary>
    public static string ThreePartText => string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet. ", 15))[..400];
}
