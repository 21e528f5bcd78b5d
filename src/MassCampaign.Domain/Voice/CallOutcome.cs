namespace MassCampaign.Domain.Voice;

/// <summary>How one call to a recipient ended, as the recipient's outcome reports it.</summary>
public enum CallOutcome
{
    /// <summary>A person answered and heard the script.</summary>
    Answered,

    /// <summary>An answering machine took the call.</summary>
    Voicemail,

    Busy,

    /// <summary>Nobody answered before the ringing timeout, or the call was cancelled before it was answered.</summary>
    NoAnswer,

    /// <summary>The call could not be placed or was rejected by the network.</summary>
    Failed,

    /// <summary>The recipient pressed the opt-out key.</summary>
    OptedOut,
}
