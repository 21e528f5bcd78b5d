namespace MassCampaign.Host.Configuration;

/// <summary>Reads a Functions-style local.settings.json: flat "Values" (with __ as section separator) and "ConnectionStrings".</summary>
public sealed class LocalSettingsConfigurationSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LocalSettingsConfigurationProvider(path);
}
