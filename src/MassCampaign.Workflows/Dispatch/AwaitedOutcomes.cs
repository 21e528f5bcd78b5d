using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// Outcomes a campaign must wait for before it can complete, and the earliest moment one of them is due to be
/// settled without its event (then <see cref="ICampaignDispatcher.SettleAsync"/> acts).
/// </summary>
public sealed record AwaitedOutcomes(long Count, Instant? SettleAt)
{
    public static AwaitedOutcomes None { get; } = new(0, null);

    public AwaitedOutcomes Plus(AwaitedOutcomes other) => new(
        Count + other.Count,
        SettleAt is null ? other.SettleAt : other.SettleAt is null ? SettleAt : Instant.Min(SettleAt.Value, other.SettleAt.Value));
}
