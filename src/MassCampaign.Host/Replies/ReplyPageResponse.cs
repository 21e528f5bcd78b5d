using MassCampaign.Data.Inbound;

namespace MassCampaign.Host.Replies;

/// <summary>
/// A page of a campaign's inbound messages, newest first. <see cref="Total"/> counts what the filter matches;
/// <see cref="Counts"/> breaks the whole campaign down by classification.
/// </summary>
public sealed record ReplyPageResponse(
    Guid CampaignId, int Page, int PageSize, long Total, CampaignReplyCounts Counts, IReadOnlyList<ReplyResponse> Items);
