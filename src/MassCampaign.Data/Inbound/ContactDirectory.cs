using MassCampaign.Data.Caching;
using Npgsql;

namespace MassCampaign.Data.Inbound;

/// <summary>Finds the contact of a phone number: Redis first, PostgreSQL on a miss (which then fills the cache).</summary>
public sealed class ContactDirectory(NpgsqlDataSource dataSource, ContactPhoneCache cache)
{
    public async Task<long?> FindContactIdAsync(string e164, CancellationToken ct)
    {
        var cached = await cache.GetAsync(e164);
        if (cached.IsHit)
        {
            return cached.ContactId;
        }

        await using var command = dataSource.CreateCommand(InboundSql.SelectContactId);
        command.Parameters.AddWithValue("phone", e164);
        var contactId = await command.ExecuteScalarAsync(ct) is long id ? id : (long?)null;
        await cache.SetAsync(e164, contactId);
        return contactId;
    }
}
