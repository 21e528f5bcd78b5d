namespace MassCampaign.Host.Contacts;

/// <summary>The answer to an import.</summary>
/// <param name="Imported">Rows that became new recipients of the campaign.</param>
/// <param name="Duplicates">Valid rows whose number was already in the campaign or earlier in the same body.</param>
/// <param name="Rejected">The first rejected rows, in body order; capped, see <paramref name="RejectedCount"/>.</param>
/// <param name="RejectedCount">All rejected rows.</param>
public sealed record ContactImportResult(long Imported, long Duplicates, IReadOnlyList<RejectedContact> Rejected, long RejectedCount);
