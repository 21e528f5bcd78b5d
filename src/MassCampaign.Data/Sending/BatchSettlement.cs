namespace MassCampaign.Data.Sending;

/// <summary>
/// How a batch's outcomes are written: the claimed batch they belong to (a release counts only while its row is
/// there), whether this write closes it (its row goes in the same transaction), and how long an 'unknown' among them
/// waits for a receipt before the campaign's unknownPolicy settles it.
/// </summary>
public sealed record BatchSettlement(Guid? BatchId, TimeSpan UnknownResolveAfter, bool ClosesBatch = true)
{
    /// <summary>The default wait of an unknown send for its receipt (DESIGN.md §4 rule 3).</summary>
    public static readonly TimeSpan DefaultUnknownResolveAfter = TimeSpan.FromMinutes(15);

    public static BatchSettlement None { get; } = new(null, DefaultUnknownResolveAfter);
}
