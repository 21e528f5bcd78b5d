namespace MassCampaign.Workflows.Sending;

/// <summary>
/// What one batch did. <see cref="FatalError"/> is set when the campaign cannot go on (its template cannot be used);
/// the campaign then fails with it. <see cref="AccountRefusal"/> is set when the provider refused the account or
/// sender; the campaign pauses with it. <see cref="Released"/> were claimed but not sent, and wait in pending.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SendBatchResult(
    [property: Id(0)] int Claimed,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Retried,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Ambiguous,
    [property: Id(5)] string? FatalError,
    [property: Id(6)] int Released = 0,
    [property: Id(7)] string? AccountRefusal = null)
{
    public static SendBatchResult Empty { get; } = new(0, 0, 0, 0, 0, null);
}
