namespace MassCampaign.Data.Suppression;

/// <summary>The entry now on the blacklist, and whether this call put it there (false: it already was).</summary>
public sealed record BlacklistAddResult(BlacklistEntry Entry, bool Created);
