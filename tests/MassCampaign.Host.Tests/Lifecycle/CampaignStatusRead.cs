using System.Net;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>One answer of GET /api/campaigns/{id}/status.</summary>
public sealed record CampaignStatusRead(HttpStatusCode Code, JsonElement Body, string? RetryAfter)
{
    public string RuntimeStatus => Body.GetProperty("runtimeStatus").GetString()!;

    public JsonElement Custom => Body.GetProperty("customStatus");

    public string Phase => Custom.GetProperty("phase").GetString()!;

    public long Count(string name) => Custom.GetProperty(name).GetInt64();

    public override string ToString() => $"{(int)Code} {Body}";
}
