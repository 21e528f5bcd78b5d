namespace MassCampaign.Workflows.RateLimiting;

[GenerateSerializer, Immutable]
public sealed record RateLease([property: Id(0)] int Granted, [property: Id(1)] TimeSpan RetryAfter);
