using System.Text.Json;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>GET /api/campaigns/{id}/report, as read by the telemetry tests.</summary>
public sealed record CampaignReportRead(JsonElement Body)
{
    public JsonElement Totals => Body.GetProperty("totals");

    public long Total(string name) => Totals.GetProperty(name).GetInt64();

    public long Replies => Body.GetProperty("replies").GetInt64();

    public long OptOuts => Body.GetProperty("optOuts").GetInt64();

    public override string ToString() => Body.ToString();
}
