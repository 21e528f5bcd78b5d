using MassCampaign.Domain.Recipients;

namespace MassCampaign.Data.Reporting;

/// <summary>
/// What a campaign did: recipient totals, how much of what was sent got delivered, the replies and opt-outs it
/// drew, and what it cost. Times are UTC.
/// </summary>
/// <param name="DeliveryRate">delivered / (sent + delivered + failed); null while nothing has been sent.</param>
/// <param name="OptOuts">Distinct numbers that opted out because of this campaign, by keyword reply or any other channel.</param>
public sealed record CampaignReport(
    Guid CampaignId,
    string Name,
    string Type,
    string Status,
    RecipientTally Totals,
    double? DeliveryRate,
    long Replies,
    long OptOuts,
    long Segments,
    decimal Cost,
    DateTime? FirstSentAt,
    DateTime? LastSentAt)
{
    /// <summary>Voice and hybrid campaigns: their calls by outcome, answer rate, average duration and cost; null for SMS.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Voice.CallTally? Calls { get; init; }
}
