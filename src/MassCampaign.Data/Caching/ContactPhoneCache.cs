using System.Globalization;
using StackExchange.Redis;

namespace MassCampaign.Data.Caching;

/// <summary>
/// Redis cache of <c>contact:phone:{e164}</c> → contact id. Unknown numbers are cached too (as "none") but only
/// briefly, so a contact imported after its first reply is found soon after. Redis being away is a cache miss.
/// </summary>
public sealed class ContactPhoneCache(IConnectionMultiplexer redis, ContactPhoneCacheOptions options)
{
    private const string NoContact = "none";

    /// <returns>A hit (with the contact id, or null for a number known to match no contact), or a miss.</returns>
    public async Task<ContactCacheResult> GetAsync(string e164)
    {
        RedisValue value;
        try
        {
            value = await redis.GetDatabase().StringGetAsync(options.KeyPrefix + e164);
        }
        catch (RedisException)
        {
            return ContactCacheResult.Miss;
        }

        if (value.IsNull)
        {
            return ContactCacheResult.Miss;
        }

        return value == NoContact
            ? ContactCacheResult.Hit(null)
            : long.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? ContactCacheResult.Hit(id)
                : ContactCacheResult.Miss;
    }

    public async Task SetAsync(string e164, long? contactId)
    {
        var (value, ttl) = contactId is { } id
            ? (id.ToString(CultureInfo.InvariantCulture), options.KnownTtl)
            : (NoContact, options.UnknownTtl);
        try
        {
            await redis.GetDatabase().StringSetAsync(options.KeyPrefix + e164, value, ttl, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // The cache is an optimisation: PostgreSQL answers next time.
        }
    }
}
