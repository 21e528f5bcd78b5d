using System.Net;
using System.Text.Json;

namespace MassCampaign.Testing;

/// <summary>One answer of <c>GET /api/campaigns/{id}/status</c>: 200 once the campaign has ended, 202 before.</summary>
public sealed record CampaignStatusReading(HttpStatusCode StatusCode, JsonElement Body)
{
    public bool IsFinished => StatusCode == HttpStatusCode.OK;

    /// <summary>Pending, Running, Suspended, Completed, Terminated or Failed.</summary>
    public string RuntimeStatus => Body.GetProperty("runtimeStatus").GetString() ?? "";

    public long CustomCount(string name) => Body.GetProperty("customStatus").GetProperty(name).GetInt64();

    public override string ToString() => $"{(int)StatusCode} {Body}";
}
