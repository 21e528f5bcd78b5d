using System.Net;
using MassCampaign.Data.Sending;
using MassCampaign.Workflows;
using MassCampaign.Workflows.Recovery;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MassCampaign.Host.Orleans;

public static class CampaignSiloExtensions
{
    /// <summary>
    /// Co-hosts the Orleans silo that runs the campaign grains. Localhost clustering with in-memory reminders by default
    /// (start-up recovery makes that enough for one host); with <c>Orleans:Clustering:ProviderType=Redis</c>, Redis
    /// membership and reminders over ConnectionStrings:Redis. Call after the database migration service is registered:
    /// hosted services start in order.
    /// </summary>
    public static void AddCampaignSilo(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var options = config.GetSection(CampaignSiloOptions.Section).Get<CampaignSiloOptions>() ?? new CampaignSiloOptions();
        var remindersConfigured = config.GetSection($"{CampaignSiloOptions.Section}:Reminders").Exists();
        var tlsCertificate = SiloTls.LoadCertificate(options.Tls);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });

            if (options.UsesRedis)
            {
                var redis = config.GetConnectionString("Redis")
                    ?? throw new InvalidOperationException("Orleans:Clustering:ProviderType is Redis but ConnectionStrings:Redis is not set.");
                // Orleans applies the Clustering section itself; without a connection of its own it uses ours.
                silo.Services.PostConfigure<RedisClusteringOptions>(clustering => clustering.ConfigurationOptions ??= ConfigurationOptions.Parse(redis));
                if (!remindersConfigured)
                {
                    silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                }

                if (IPAddress.TryParse(options.AdvertisedIPAddress, out var advertised))
                {
                    silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                }
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
                if (!remindersConfigured)
                {
                    silo.UseInMemoryReminderService();
                }
            }

            if (tlsCertificate is not null)
            {
                silo.UseSiloTls(tlsCertificate, options.Tls);
            }

            // A grain call carries its caller's trace context, so a request's trace goes on into the grain's work.
            silo.AddActivityPropagation();
            silo.Services.AddSendPathData();
            silo.Services.AddCampaignWorkflows(config);
        });

        // After the silo's own hosted service, so the grains it wakes can activate.
        builder.Services.AddHostedService<CampaignRecoveryService>();
    }
}
