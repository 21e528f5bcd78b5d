using Npgsql;

namespace MassCampaign.Host.Tests.Reporting;

/// <summary>Writes finished campaigns straight into the host's database with plain SQL, as the send path would leave them.</summary>
internal sealed class ReportSeed(NpgsqlDataSource dataSource)
{
    private static int _lastNumber = Random.Shared.Next(1_000_000, 5_000_000);

    /// <summary>One recipient row: where it ended up, and what its send cost; names default to Grace{n} Hopper{n}.</summary>
    public sealed record Row(
        string Status, int Segments = 0, decimal? Price = null, string? SentAt = null, string? ErrorCode = null,
        string? FirstName = null, string? LastName = null)
    {
        public string Phone { get; } = "+1444" + Interlocked.Increment(ref _lastNumber).ToString("D7");
    }

    /// <summary>A completed campaign (so no engine picks it up) with these recipients in this order.</summary>
    public async Task<Guid> CampaignAsync(string name, params Row[] rows)
    {
        var id = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(
            """
            WITH campaign AS (
                INSERT INTO campaigns (id, name, type, status, sms_template, sender, calling_window)
                VALUES (@id, @name, 'sms', 'completed', 'Hi {first_name}', 'Acme', '{}')),
            contact AS (
                INSERT INTO contacts (phone_e164, first_name, last_name)
                SELECT phone, COALESCE(first_name, 'Grace' || n), COALESCE(last_name, 'Hopper' || n)
                FROM unnest(@phones::text[], @first_names::text[], @last_names::text[]) WITH ORDINALITY AS p(phone, first_name, last_name, n)
                RETURNING id, phone_e164)
            INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key, status, attempt, segments, price,
                                             sent_at, error_code, outcome)
            SELECT @id, contact.id, r.phone, 'America/New_York', r.status, CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END,
                   NULLIF(r.segments, 0), r.price, r.sent_at, r.error_code, r.status
            FROM unnest(@phones::text[], @statuses::text[], @segments::integer[], @prices::numeric[], @sent::timestamptz[],
                        @errors::text[]) WITH ORDINALITY AS r(phone, status, segments, price, sent_at, error_code, n)
            JOIN contact ON contact.phone_e164 = r.phone
            ORDER BY r.n
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("phones", rows.Select(r => r.Phone).ToArray());
        command.Parameters.AddWithValue("first_names", rows.Select(r => r.FirstName).ToArray());
        command.Parameters.AddWithValue("last_names", rows.Select(r => r.LastName).ToArray());
        command.Parameters.AddWithValue("statuses", rows.Select(r => r.Status).ToArray());
        command.Parameters.AddWithValue("segments", rows.Select(r => r.Segments).ToArray());
        command.Parameters.AddWithValue("prices", rows.Select(r => r.Price).ToArray());
        command.Parameters.AddWithValue("sent", rows.Select(r => r.SentAt is null ? (DateTime?)null : DateTimeOffset.Parse(r.SentAt, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime).ToArray());
        command.Parameters.AddWithValue("errors", rows.Select(r => r.ErrorCode).ToArray());
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public async Task ReplyAsync(Guid campaignId, string phone, string classification)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO sms_replies (campaign_id, phone_number, reply_text, classification, received_at, provider_message_id)
            VALUES (@campaign, @phone, 'hello', @classification, now(), gen_random_uuid()::text)
            """);
        command.Parameters.AddWithValue("campaign", campaignId);
        command.Parameters.AddWithValue("phone", phone);
        command.Parameters.AddWithValue("classification", classification);
        await command.ExecuteNonQueryAsync();
    }
}
