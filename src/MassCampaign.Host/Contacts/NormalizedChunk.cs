using MassCampaign.Data.Contacts;

namespace MassCampaign.Host.Contacts;

/// <summary>A chunk of rows after normalisation: the valid contacts and the rejections, both in body order.</summary>
public sealed record NormalizedChunk(IReadOnlyList<ContactImportRow> Rows, IReadOnlyList<RejectedContact> Rejected);
