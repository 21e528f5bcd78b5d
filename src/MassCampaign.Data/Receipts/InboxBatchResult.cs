namespace MassCampaign.Data.Receipts;

/// <summary>What one batch from the inbox did: receipts taken (fewer than asked once it is drained), and receipts retired as not applicable.</summary>
public sealed record InboxBatchResult(int Taken, int Retired);
