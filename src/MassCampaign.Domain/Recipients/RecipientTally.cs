using System.Text.Json.Serialization;

namespace MassCampaign.Domain.Recipients;

/// <summary>
/// A campaign's recipients by outcome: the one count that status, completion, lists and reports all read. Failed
/// folds in a receipt's final 'expired' and 'rejected'; skipped is blacklisted plus invalid.
/// </summary>
public sealed record RecipientTally(
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
    public static RecipientTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Unknown recipients still waiting for a receipt or for the campaign's unknown policy to settle them.</summary>
    public long UnknownUnresolved { get; init; }

    /// <summary>
    /// The one rule of completion: nothing is pending, being sent, deferred, or unknown and still waiting to be
    /// settled. Everything else is a final outcome with a reason.
    /// </summary>
    [JsonIgnore]
    public bool IsFinished => Pending == 0 && Sending == 0 && Deferred == 0 && UnknownUnresolved == 0;

    /// <summary>Statuses absent from <paramref name="byStatus"/> count zero.</summary>
    public static RecipientTally FromStatusCounts(IReadOnlyDictionary<string, long> byStatus, long unknownUnresolved = 0)
    {
        long Count(string status) => byStatus.GetValueOrDefault(status);

        return new RecipientTally(
            Total: byStatus.Values.Sum(),
            Pending: Count(RecipientStatuses.Pending),
            Sending: Count(RecipientStatuses.Sending),
            Deferred: Count(RecipientStatuses.Deferred),
            Sent: Count(RecipientStatuses.Sent),
            Delivered: Count(RecipientStatuses.Delivered),
            Failed: Count(RecipientStatuses.Failed) + Count(RecipientStatuses.Expired) + Count(RecipientStatuses.Rejected),
            Skipped: Count(RecipientStatuses.SkippedBlacklisted) + Count(RecipientStatuses.SkippedInvalid),
            Unknown: Count(RecipientStatuses.Unknown),
            Cancelled: Count(RecipientStatuses.Cancelled))
        {
            UnknownUnresolved = unknownUnresolved,
        };
    }
}
