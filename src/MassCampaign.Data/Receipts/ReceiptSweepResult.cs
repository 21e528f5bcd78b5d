namespace MassCampaign.Data.Receipts;

/// <summary>What a sweep did: receipts that now matched, and receipts it retired as never going to.</summary>
public sealed record ReceiptSweepResult(int Matched, int Retired);
