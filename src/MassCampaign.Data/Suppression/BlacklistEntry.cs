namespace MassCampaign.Data.Suppression;

/// <summary>One number that may not be contacted by any campaign, why, from which source, since when.</summary>
public sealed record BlacklistEntry(string Phone, string? Reason, string Source, DateTimeOffset CreatedAt);
