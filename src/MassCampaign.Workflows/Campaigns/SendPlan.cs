using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>What one tick of the send loop should do, as decided by <see cref="SendPlanner"/>.</summary>
internal abstract record SendPlan
{
    /// <summary>Nothing due now in any zone: check whether the campaign is finished or waiting for retries.</summary>
    public sealed record NothingDue : SendPlan;

    /// <summary>Every free batch slot is taken; wait for one to come back.</summary>
    public sealed record Busy : SendPlan;

    /// <summary>Send <see cref="Batches"/> batches to recipients in <see cref="OpenZoneKeys"/>.</summary>
    public sealed record Dispatch(IReadOnlyList<string> OpenZoneKeys, int Batches) : SendPlan;

    /// <summary>Recipients are due but none is inside its window; the first window opens at <see cref="OpensAt"/>.</summary>
    public sealed record WaitForWindow(Instant OpensAt) : SendPlan;

    /// <summary>Recipients are due in zones where the window never opens.</summary>
    public sealed record WindowNeverOpens : SendPlan;
}
