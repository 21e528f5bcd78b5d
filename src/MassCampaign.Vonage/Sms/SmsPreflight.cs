namespace MassCampaign.Vonage.Sms;

/// <summary>Asked right before an SMS attempt leaves, after its rate token: null to send, else the reason it must not.</summary>
public delegate ValueTask<string?> SmsPreflight(CancellationToken cancellationToken);
