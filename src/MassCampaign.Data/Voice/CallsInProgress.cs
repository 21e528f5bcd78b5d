namespace MassCampaign.Data.Voice;

/// <summary>Calls of a campaign that may be alive, and the earliest deadline by which one must be settled.</summary>
public sealed record CallsInProgress(long Count, DateTimeOffset? EarliestDeadline);
