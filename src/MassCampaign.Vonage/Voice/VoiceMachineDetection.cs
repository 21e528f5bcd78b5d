namespace MassCampaign.Vonage.Voice;

/// <summary>How a call treats an answering machine (VONAGE.md §6.2, advanced machine detection).</summary>
public enum VoiceMachineDetection
{
    /// <summary>No detection: every answer plays the script.</summary>
    Off,

    /// <summary>A machine is hung up on as soon as it is detected.</summary>
    Hangup,

    /// <summary>A machine hears the script after its beep (detect_beep).</summary>
    LeaveMessage,
}
