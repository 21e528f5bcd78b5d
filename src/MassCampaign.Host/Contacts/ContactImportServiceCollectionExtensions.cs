using MassCampaign.Data.Contacts;
using MassCampaign.Domain.Contacts;
using MassCampaign.Domain.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Contacts;

public static class ContactImportServiceCollectionExtensions
{
    /// <summary>The streamed contact import, configured from massCampaign:contacts.</summary>
    public static IServiceCollection AddContactImport(this IServiceCollection services, IConfiguration config)
    {
        services.AddContactData();
        services.AddOptions<ContactImportOptions>()
            .Bind(config.GetSection(ContactImportOptions.Section))
            .Validate(o => o.ChunkSize is >= 100 and <= 100_000, "massCampaign:contacts:chunkSize must be between 100 and 100000.")
            .Validate(o => o.Writers is >= 1 and <= 16, "massCampaign:contacts:writers must be between 1 and 16.")
            .Validate(o => o.MaxRejectedListed >= 0, "massCampaign:contacts:maxRejectedListed must not be negative.")
            .Validate(o => o.MaxImportBytes > 0, "massCampaign:contacts:maxImportBytes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new PhoneNumberNormalizer(sp.GetRequiredService<IOptions<ContactImportOptions>>().Value.DefaultRegion));
        services.TryAddSingleton(sp => new RecipientZoneResolver(sp.GetRequiredService<IOptions<ContactImportOptions>>().Value.MaxCandidateZones));
        services.TryAddSingleton<ContactChunkNormalizer>();
        services.TryAddSingleton<ContactImporter>();
        return services;
    }
}
