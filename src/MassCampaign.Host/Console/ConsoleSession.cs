using System.Security.Claims;
using MassCampaign.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>
/// The console's session cookie: what it carries, which hosts can read it and when it stops being honoured.
/// </summary>
public static class ConsoleSession
{
    /// <summary>The fingerprint of the API key the session was opened with (<see cref="ApiKeyValidator.FingerprintOf"/>).</summary>
    public const string KeyClaim = "masscampaign:key";

    /// <summary>The Redis list holding the key ring that encrypts console cookies, shared by every host of the cluster.</summary>
    public const string KeyRingRedisKey = "MassCampaign:DataProtection-Keys";

    public static ClaimsPrincipal For(string key) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "operator"), new Claim(KeyClaim, ApiKeyValidator.FingerprintOf(key))],
            ConsoleServiceExtensions.Scheme));

    /// <summary>
    /// A session lives only as long as its key: once the key is taken out of Auth:Keys (and the host restarted), the
    /// cookie is refused and removed, however long it had left.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyValidator>();
        if (keys.IsCurrentFingerprint(context.Principal?.FindFirst(KeyClaim)?.Value))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(ConsoleServiceExtensions.Scheme);
    }

    /// <summary>
    /// Keeps the key ring in Redis: hosts behind one address (Container Apps replicas, the README's second host) must
    /// read each other's cookies, and a restarted replica with an empty disk must still read the ones it issued.
    /// </summary>
    public static void AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MassCampaign");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlRepository = new RedisXmlRepository(
                () => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), KeyRingRedisKey));
    }
}
