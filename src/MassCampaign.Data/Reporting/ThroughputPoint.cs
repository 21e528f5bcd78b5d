namespace MassCampaign.Data.Reporting;

/// <summary>How many of a campaign's recipients were sent in the bucket starting at <paramref name="At"/> (UTC).</summary>
public sealed record ThroughputPoint(DateTimeOffset At, long Sent);
