using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Campaigns;

/// <summary>settings.voice.retry: when to call again, per outcome worth another call.</summary>
public sealed record VoiceRetryPolicy(VoiceRetry NoAnswer, VoiceRetry Busy, VoiceRetry Failed)
{
    public static VoiceRetryPolicy Default { get; } = new(VoiceRetry.Default, VoiceRetry.Default, VoiceRetry.Default);

    /// <summary>The retry for an outcome, or null for one that is never retried (the call reached the recipient).</summary>
    public VoiceRetry? For(CallOutcome outcome) => outcome switch
    {
        CallOutcome.NoAnswer => NoAnswer,
        CallOutcome.Busy => Busy,
        CallOutcome.Failed => Failed,
        _ => null,
    };
}
