namespace MassCampaign.Domain.Campaigns;

/// <summary>What a voice call does when an answering machine picks up (settings.voice.machineDetection).</summary>
public enum MachineDetection
{
    /// <summary>Wait for the beep and speak the script, so the recipient hears it later.</summary>
    LeaveMessage,

    /// <summary>End the call: only people hear the script.</summary>
    Hangup,

    /// <summary>No detection: the script starts as soon as anyone or anything answers.</summary>
    Off,
}
