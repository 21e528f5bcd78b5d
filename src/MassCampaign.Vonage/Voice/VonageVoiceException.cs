namespace MassCampaign.Vonage.Voice;

/// <summary>A Voice API read or hangup that Vonage refused or that could not reach Vonage.</summary>
public sealed class VonageVoiceException(string message, Exception? inner = null) : Exception(message, inner);
