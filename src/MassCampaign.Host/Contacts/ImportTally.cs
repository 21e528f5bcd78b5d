namespace MassCampaign.Host.Contacts;

/// <summary>
/// Running totals of an import. Rejections come from the router (one thread) and are listed up to a cap;
/// written counts come from the writers (several threads).
/// </summary>
internal sealed class ImportTally(int maxRejectedListed)
{
    private readonly List<RejectedContact> rejected = [];
    private long imported;
    private long duplicates;
    private long rejectedCount;

    public long Imported => Interlocked.Read(ref imported);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public void Reject(IReadOnlyList<RejectedContact> rows)
    {
        rejectedCount += rows.Count;
        var room = maxRejectedListed - rejected.Count;
        if (room > 0)
        {
            rejected.AddRange(rows.Take(room));
        }
    }

    /// <summary>A number repeated in the body before its row was written.</summary>
    public void Repeated() => Interlocked.Increment(ref duplicates);

    /// <param name="added">How many of the written rows became new recipients; the others already were.</param>
    public void Written(int rows, int added)
    {
        Interlocked.Add(ref imported, added);
        Interlocked.Add(ref duplicates, rows - added);
    }

    public ContactImportResult ToResult() => new(Imported, Duplicates, rejected, rejectedCount);
}
