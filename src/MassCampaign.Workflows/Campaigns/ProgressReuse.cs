namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// When the recipient counts read for one status may answer the next instead of a new count. A count reads every
/// recipient of the campaign, so while batches go out they are reused even though batches answer: however many
/// clients poll, a sending campaign spends at most a tenth of one connection's time counting (a count reused for ten
/// times as long as it took, and for at least <see cref="MinAge"/>). In every other phase (waiting for a window or a
/// retry, paused, stopping) a batch coming back makes them stale, so the status shows the last sends settle; a change
/// of phase always does.
/// </summary>
internal static class ProgressReuse
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(1);

    private const int CountingShare = 10;

    public static TimeSpan MaxAge(TimeSpan countTook) =>
        countTook * CountingShare > MinAge ? countTook * CountingShare : MinAge;

    public static bool Allowed(TimeSpan age, TimeSpan countTook, bool sending, bool batchAnsweredSince) =>
        age < MaxAge(countTook) && (sending || !batchAnsweredSince);
}
