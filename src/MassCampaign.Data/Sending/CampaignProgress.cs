namespace MassCampaign.Data.Sending;

/// <summary>Recipient counts of one campaign by outcome; what status, completion and reports read.</summary>
public sealed record CampaignProgress(
    long Total,
    long Pending,
    long Sending,
    long Deferred,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Unknown,
    long Cancelled)
{
    /// <summary>A campaign completes only when nothing is left pending, sending or deferred.</summary>
    public bool IsFinished => Pending == 0 && Sending == 0 && Deferred == 0;

    /// <summary>
    /// Folds raw status counts into outcomes: skipped is skipped_blacklisted + skipped_invalid, failed is
    /// failed + expired + rejected (a receipt's final verdicts). Statuses absent from the map count zero.
    /// </summary>
    public static CampaignProgress FromStatusCounts(IReadOnlyDictionary<string, long> byStatus)
    {
        long Count(string status) => byStatus.GetValueOrDefault(status);

        return new CampaignProgress(
            Total: byStatus.Values.Sum(),
            Pending: Count(RecipientStatuses.Pending),
            Sending: Count(RecipientStatuses.Sending),
            Deferred: Count(RecipientStatuses.Deferred),
            Sent: Count(RecipientStatuses.Sent),
            Delivered: Count(RecipientStatuses.Delivered),
            Failed: Count(RecipientStatuses.Failed) + Count(RecipientStatuses.Expired) + Count(RecipientStatuses.Rejected),
            Skipped: Count(RecipientStatuses.SkippedBlacklisted) + Count(RecipientStatuses.SkippedInvalid),
            Unknown: Count(RecipientStatuses.Unknown),
            Cancelled: Count(RecipientStatuses.Cancelled));
    }
}
