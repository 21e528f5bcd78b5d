using MassCampaign.Data.Suppression;

namespace MassCampaign.Host.Suppression;

/// <summary>A blacklist entry as the API shows it; the time is UTC so it serialises with 'Z'.</summary>
public sealed record BlacklistEntryResponse(string Phone, string? Reason, string Source, DateTime CreatedAt)
{
    public static BlacklistEntryResponse From(BlacklistEntry entry) =>
        new(entry.Phone, entry.Reason, entry.Source, entry.CreatedAt.UtcDateTime);
}
