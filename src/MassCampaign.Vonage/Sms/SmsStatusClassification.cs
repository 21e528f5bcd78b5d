using System.Collections.Frozen;
using static MassCampaign.Vonage.Sms.SmsSendOutcome;

namespace MassCampaign.Vonage.Sms;

/// <summary>
/// What each SMS API <c>status</c> code means for a send (VONAGE.md §1.5). AccountRefused codes concern the whole
/// account or sender, so every other recipient would be refused the same way; Permanent codes concern this recipient
/// or this message. A code missing from the table (the old Java enum's 13, 16–20, or anything new) is Permanent:
/// retrying an error we do not understand could repeat it at the full rate.
/// </summary>
public static class SmsStatusClassification
{
    private static readonly FrozenDictionary<int, (string Name, SmsSendOutcome Outcome)> Codes =
        new (int Status, string Name, SmsSendOutcome Outcome)[]
        {
            (0, "Success", Accepted),
            (1, "Throttled", Throttled),
            (2, "Missing Parameters", Permanent),
            (3, "Invalid Parameters", Permanent),
            (4, "Invalid Credentials", AccountRefused),
            (5, "Internal Error", Transient),
            (6, "Invalid Message", Permanent),
            (7, "Number Barred", Permanent),
            (8, "Partner Account Barred", AccountRefused),
            (9, "Partner Quota Violation", AccountRefused),
            (10, "Too Many Existing Binds", Transient),
            (11, "Account Not Enabled For HTTP", AccountRefused),
            (12, "Message Too Long", Permanent),
            (14, "Invalid Signature", AccountRefused),
            (15, "Invalid Sender Address", AccountRefused),
            (22, "Invalid Network Code", Permanent),
            (23, "Invalid Callback Url", Permanent),
            (29, "Non-Whitelisted Destination", Permanent),
            (32, "Signature And API Secret Disallowed", AccountRefused),
            (33, "Number De-activated", Permanent),
        }.ToFrozenDictionary(c => c.Status, c => (c.Name, c.Outcome));

    public static bool IsKnown(int status) => Codes.ContainsKey(status);

    /// <summary>Accepted, Throttled, Transient, AccountRefused or Permanent; Permanent for an unknown code.</summary>
    public static SmsSendOutcome OutcomeOf(int status) => Codes.TryGetValue(status, out var code) ? code.Outcome : Permanent;

    /// <summary>Vonage's name for the code and the code itself, e.g. <c>Partner Quota Violation (status 9)</c>.</summary>
    public static string Describe(int status) =>
        Codes.TryGetValue(status, out var code) ? $"{code.Name} (status {status})" : $"Unknown status {status}";

    /// <summary>A code a later try of the same request may get past: throttling or a passing fault at Vonage.</summary>
    public static bool IsRetryable(int status) => OutcomeOf(status) is Throttled or Transient;
}
