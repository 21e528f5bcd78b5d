namespace MassCampaign.Host.Configuration;

public static class HostConfigurationExtensions
{
    /// <summary>
    /// host.json (host-wide settings), then local.settings.json (local secrets and connection strings),
    /// then environment variables and the command line, each overriding the one before.
    /// </summary>
    public static void AddMassCampaignConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var config = builder.Configuration;
        var hostJson = FindFile("host.json");
        if (hostJson is not null)
        {
            config.AddJsonFile(hostJson, optional: false, reloadOnChange: false);
        }

        var localSettings = config["LocalSettingsPath"] ?? FindFile("local.settings.json");
        if (localSettings is not null && File.Exists(localSettings))
        {
            ((IConfigurationBuilder)config).Add(new LocalSettingsConfigurationSource(localSettings));
        }

        config.AddEnvironmentVariables();
        config.AddCommandLine(args);

        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:7071");
        }
    }

    // The working directory first (the repository root when run by scripts/run.sh), then next to the binaries.
    private static string? FindFile(string name)
    {
        foreach (var dir in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
