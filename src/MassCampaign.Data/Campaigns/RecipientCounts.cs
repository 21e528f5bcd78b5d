namespace MassCampaign.Data.Campaigns;

/// <summary>How many recipients a campaign has in each status (statuses with none are absent).</summary>
public sealed class RecipientCounts(IReadOnlyDictionary<string, long> byStatus)
{
    public static RecipientCounts None { get; } = new(new Dictionary<string, long>());

    public IReadOnlyDictionary<string, long> ByStatus { get; } = byStatus;

    public long Total => ByStatus.Values.Sum();

    public long this[string status] => ByStatus.GetValueOrDefault(status);
}
