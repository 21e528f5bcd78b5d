namespace MassCampaign.Workflows.Configuration;

/// <summary>How a campaign's send loop paces itself (host.json <c>massCampaign:sendPath</c>).</summary>
public sealed class SendPathOptions
{
    public const string Section = "massCampaign:sendPath";

    /// <summary>Most recipients one batch sender claims and sends.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches one campaign may have in flight at once. Several small batches keep the provider busy while others
    /// claim or record: on two cores 8 x 16 requests sent 10-20% more than 4 x 32, the same concurrency.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 8;

    /// <summary>Period of the send loop's grain timer.</summary>
    public int TickMilliseconds { get; set; } = 200;

    /// <summary>Provider requests one batch keeps open at once.</summary>
    public int RequestsInFlightPerBatch { get; set; } = 16;

    /// <summary>
    /// How long a batch may spend starting sends; recipients not started by then go back to pending, so a batch call
    /// always answers well within the grain call timeout even when many campaigns share a slow account.
    /// </summary>
    public int BatchBudgetSeconds { get; set; } = 20;

    public TimeSpan Tick => TimeSpan.FromMilliseconds(TickMilliseconds);

    public TimeSpan BatchBudget => TimeSpan.FromSeconds(BatchBudgetSeconds);
}
