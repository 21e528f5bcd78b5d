using MassCampaign.Domain.RateLimiting;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// Tokens leased from the account's schedule. Times are relative to the moment the grain answered, because silos do
/// not share a clock: token i is due <see cref="FirstDueIn"/> + i × <see cref="Spacing"/> after that moment (a
/// negative first due time is a burst owed to an idle account) and expires <see cref="Tolerance"/> after it is due.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RateLease(
    [property: Id(0)] int Granted,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] TimeSpan FirstDueIn,
    [property: Id(3)] TimeSpan Spacing,
    [property: Id(4)] TimeSpan Tolerance)
{
    /// <summary>The granted tokens on the clock of a silo that received this lease at <paramref name="receivedAt"/>.</summary>
    public TokenGrant On(TimeSpan receivedAt) => new(Granted, receivedAt + FirstDueIn, Spacing, RetryAfter);
}
