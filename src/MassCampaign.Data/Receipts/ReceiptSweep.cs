namespace MassCampaign.Data.Receipts;

/// <summary>How one sweep re-applies unmatched receipts, and when it gives up on one.</summary>
/// <param name="Limit">Receipts tried per sweep among those within <paramref name="RetireAfter"/>, and as many past it.</param>
/// <param name="RetireAfter">A receipt still unmatched this long after it arrived is tried once more, then retired.</param>
/// <param name="MaxAttempts">A receipt still unmatched after this many sweeps is retired.</param>
public sealed record ReceiptSweep(int Limit, TimeSpan RetireAfter, int MaxAttempts);
