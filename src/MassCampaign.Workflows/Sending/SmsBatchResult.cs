namespace MassCampaign.Workflows.Sending;

/// <summary>
/// What one batch did. <see cref="FatalError"/> is set when the campaign cannot go on (e.g. the provider rejects the
/// credentials); the campaign then fails with it as the reason.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SmsBatchResult(
    [property: Id(0)] int Claimed,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Retried,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Ambiguous,
    [property: Id(5)] string? FatalError)
{
    public static SmsBatchResult Empty { get; } = new(0, 0, 0, 0, 0, null);
}
