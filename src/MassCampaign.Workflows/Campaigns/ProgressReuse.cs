namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// When the recipient counts read for one status may answer the next instead of a new count. A count reads every
/// recipient of the campaign, so while batches go out they are reused for <see cref="MaxAge"/> even though batches
/// answer: however many clients poll, a large sending campaign costs PostgreSQL at most one count a second. In every
/// other phase (waiting for a window or a retry, paused, stopping) a batch coming back makes them stale, so the status
/// shows the last sends settle; a change of phase always does.
/// </summary>
internal static class ProgressReuse
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    public static bool Allowed(TimeSpan age, bool sending, bool batchAnsweredSince) =>
        age < MaxAge && (sending || !batchAnsweredSince);
}
