using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>Which campaigns the list page shows; an unknown status or type shows all, as the filter form offers only known ones.</summary>
public sealed record CampaignListFilter(CampaignStatus? Status, CampaignType? Type, int Page)
{
    public const int PageSize = 25;

    public static CampaignListFilter Parse(string? status, string? type, int? page) => new(
        CampaignStatusNames.TryParse(status, out var s) ? s : null,
        CampaignTypeNames.TryParse(type, out var t) ? t : null,
        Math.Max(1, page ?? 1));

    public CampaignListQuery ToQuery() => new(Status, Type, Page, PageSize);

    public string? StatusName => Status is { } s ? CampaignStatusNames.ToWire(s) : null;

    public string? TypeName => Type is { } t ? CampaignTypeNames.ToWire(t) : null;
}
