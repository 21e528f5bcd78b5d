namespace MassCampaign.Domain.Campaigns;

/// <summary>settings.voice: how a voice or hybrid campaign places its calls and reads the keys recipients press.</summary>
/// <param name="MaxConcurrentCalls">Calls of this campaign alive at once.</param>
/// <param name="RingingTimeoutSeconds">How long a call rings before it counts as unanswered (Vonage ringing_timer).</param>
/// <param name="OptOutDigit">The key that opts the recipient out, as an SMS STOP does.</param>
/// <param name="ConfirmDigit">The key recorded as the recipient's confirmation.</param>
/// <param name="MaxAttemptsPer24h">Calls one recipient may get in any 24 hours, retries included.</param>
public sealed record VoiceSettings(
    int MaxConcurrentCalls,
    int RingingTimeoutSeconds,
    MachineDetection MachineDetection,
    string OptOutDigit,
    string ConfirmDigit,
    VoiceRetryPolicy Retry,
    int MaxAttemptsPer24h)
{
    public const int MaxAllowedConcurrentCalls = 1000;

    // Vonage accepts a ringing_timer of 1 to 120 seconds.
    public const int MaxAllowedRingingTimeoutSeconds = 120;

    public const int MaxAllowedAttemptsPer24h = 10;

    /// <summary>The keys a recipient may be asked to press.</summary>
    public const string Keys = "0123456789*#";

    public static VoiceSettings Default { get; } =
        new(20, 30, MachineDetection.LeaveMessage, "9", "1", VoiceRetryPolicy.Default, 3);
}
