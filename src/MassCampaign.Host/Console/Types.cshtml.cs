using MassCampaign.Data.Campaigns;
using MassCampaign.Host.Apis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>How full each type's gate is, as GET /api/campaign-types answers, with campaign names for the ids.</summary>
public sealed class TypesModel(IGrainFactory grains, CampaignRepository campaigns) : PageModel
{
    private Dictionary<Guid, string> _names = [];

    public IReadOnlyList<CampaignTypeUsage> Gates { get; private set; } = [];

    public string NameOf(Guid id) => _names.GetValueOrDefault(id, id.ToString());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Gates = (await CampaignTypesApi.ListAsync(grains)).Value!;
        foreach (var id in Gates.SelectMany(g => g.Active.Concat(g.Queued)).Distinct())
        {
            if (await campaigns.FindAsync(id, ct) is { } campaign)
            {
                _names[id] = campaign.Name;
            }
        }
    }
}
