using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Recipients;
using MassCampaign.Host.OperatorConsole.Feeds;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>The campaign list; the page renders the first state and campaign-list.js keeps it live from the event feed.</summary>
public sealed class CampaignListModel(CampaignRepository campaigns) : PageModel
{
    public CampaignListFilter Filter { get; private set; } = CampaignListFilter.Parse(null, null, null);

    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public long PageCount { get; private set; } = 1;

    public string EventsUrl => $"/console/events/campaigns{Query(Filter.Page)}";

    public async Task OnGetAsync(string? status, string? type, int? page, CancellationToken ct)
    {
        Filter = CampaignListFilter.Parse(status, type, page);
        var found = await campaigns.ListAsync(Filter.ToQuery(), ct);
        Campaigns = found.Items
            .Select(c => new CampaignRow(c.Name, CampaignProgress.Of(c.Id, c.Status, c.Type, found.CountsOf(c.Id))))
            .ToList();
        PageCount = Math.Max(1, (found.Total + CampaignListFilter.PageSize - 1) / CampaignListFilter.PageSize);
    }

    public string PageUrl(int page) => $"/console{Query(page)}";

    private string Query(int page)
    {
        var parts = new List<string>();
        if (Filter.StatusName is { } status)
        {
            parts.Add($"status={status}");
        }

        if (Filter.TypeName is { } type)
        {
            parts.Add($"type={type}");
        }

        parts.Add($"page={page}");
        return "?" + string.Join("&", parts);
    }

    public sealed record CampaignRow(string Name, CampaignProgress Progress);
}
