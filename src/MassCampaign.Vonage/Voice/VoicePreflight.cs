namespace MassCampaign.Vonage.Voice;

/// <summary>Asked right before a call creation leaves, after its rate token: null to dial, else the reason it must not.</summary>
public delegate ValueTask<string?> VoicePreflight(CancellationToken cancellationToken);
