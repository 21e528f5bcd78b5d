namespace MassCampaign.Data.Receipts;

/// <summary>What storing a batch did: receipts that came in, and the ids of those newly stored, by whether their part is known.</summary>
internal sealed record StoredReceipts(int Taken, long[] Matched, long[] Unmatched);
