using Npgsql;

namespace ImportBenchmark;

/// <summary>
/// What a run left in the tables, in a form two databases can compare: counts and order-free hashes of the contacts
/// and of one campaign's recipients, and how many recipients the campaign's counters hold. Ids and campaign ids are
/// left out, since they depend on the order rows were written in and on the database.
/// </summary>
public sealed record EndState(long Contacts, decimal ContactsHash, long Recipients, decimal RecipientsHash, long CountedRecipients)
{
    // Reads the counters and their pending deltas in one snapshot, whether or not a host has folded them yet.
    private const string Sql = """
        SELECT (SELECT count(*) FROM contacts),
               (SELECT COALESCE(sum(hashtextextended(ROW(phone_e164, first_name, last_name, time_zone, attributes)::text, 0)), 0)
                FROM contacts),
               count(*),
               COALESCE(sum(hashtextextended(ROW(r.phone_e164, c.phone_e164, r.zone_key, r.status)::text, 0)), 0),
               (SELECT COALESCE(sum(recipients), 0)::bigint
                FROM (SELECT recipients FROM campaign_recipient_counts WHERE campaign_id = @campaign
                      UNION ALL
                      SELECT recipients FROM campaign_recipient_count_deltas WHERE campaign_id = @campaign) AS counted)
        FROM campaign_recipients r
        JOIN contacts c ON c.id = r.contact_id
        WHERE r.campaign_id = @campaign
        """;

    public static async Task<EndState> ReadAsync(string connectionString, Guid campaign)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new EndState(reader.GetInt64(0), reader.GetDecimal(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt64(4));
    }
}
