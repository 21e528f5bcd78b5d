using System.Text.Json;

namespace MassCampaign.Simulator;

/// <summary>Writes enum names the way Vonage spells signature methods: <c>md5hash</c>, <c>sha256</c>.</summary>
internal sealed class LowerCaseNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => name.ToLowerInvariant();
}
