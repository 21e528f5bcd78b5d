using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Data.Contacts;

public static class ContactDataServiceCollectionExtensions
{
    /// <summary>The contact import store; needs an NpgsqlDataSource registered.</summary>
    public static IServiceCollection AddContactData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContactImportStore>();
        return services;
    }
}
