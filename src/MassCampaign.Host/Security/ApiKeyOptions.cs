namespace MassCampaign.Host.Security;

/// <summary>The function keys accepted on /api, as Azure Functions clients send them.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<string> Keys { get; set; } = [];
}
