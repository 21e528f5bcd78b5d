using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// Writes campaigns, contacts and recipients with SQL, so lifecycle tests choose zone keys and windows exactly
/// (import and zone resolution have tests of their own).
/// </summary>
public sealed class CampaignSeeder(NpgsqlDataSource database)
{
    public const string AlwaysOpen = """{"days":["Mon","Tue","Wed","Thu","Fri","Sat","Sun"],"start":"00:00","end":"00:00","timeZone":"UTC"}""";

    // Valid UK mobile numbers (the blacklist API checks them), unique across the test process so Simulator counts never mix.
    private static long _nextNumber = 447_400_000_000;

    public const string Template = "Hello {{first_name}}, this is a test.";

    public Task<SeededCampaign> SmsCampaignAsync(int recipients, string zoneKey = "Europe/London", string template = Template) =>
        CampaignAsync("sms", AlwaysOpen, Enumerable.Repeat(zoneKey, recipients).ToArray(), template);

    /// <summary>One recipient per zone key given, in that order.</summary>
    public async Task<SeededCampaign> CampaignAsync(
        string type, string window, IReadOnlyList<string> recipientZoneKeys, string template = Template)
    {
        var id = Guid.NewGuid();
        await using (var insert = database.CreateCommand("""
            INSERT INTO campaigns (id, name, type, sms_template, voice_script, sender, calling_window)
            VALUES (@id, @name, @type, @template, @script, '15550001000', @window::jsonb)
            """))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("name", $"Lifecycle test {id:N}"[..30]);
            insert.Parameters.AddWithValue("type", type);
            insert.Parameters.AddWithValue("template", type == "voice" ? DBNull.Value : template);
            insert.Parameters.AddWithValue("script", type == "sms" ? DBNull.Value : "Hello, this is a test call.");
            insert.Parameters.AddWithValue("window", window);
            await insert.ExecuteNonQueryAsync();
        }

        var phones = recipientZoneKeys.Select(_ => "+" + Interlocked.Increment(ref _nextNumber)).ToArray();
        await using (var recipients = database.CreateCommand("""
            WITH added AS (
                INSERT INTO contacts (phone_e164, first_name)
                SELECT phone, 'Contact ' || ordinality FROM unnest(@phones) WITH ORDINALITY AS p(phone, ordinality)
                RETURNING id, phone_e164
            )
            INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key)
            SELECT @id, added.id, added.phone_e164, z.zone_key
            FROM added
            JOIN unnest(@phones, @zones) AS z(phone, zone_key) ON z.phone = added.phone_e164
            ORDER BY added.id
            """))
        {
            recipients.Parameters.AddWithValue("id", id);
            recipients.Parameters.AddWithValue("phones", phones);
            recipients.Parameters.AddWithValue("zones", recipientZoneKeys.ToArray());
            await recipients.ExecuteNonQueryAsync();
        }

        return new SeededCampaign(id, phones);
    }

    /// <summary>Recipient status by phone number.</summary>
    public async Task<Dictionary<string, string>> RecipientStatusesAsync(Guid campaignId)
    {
        await using var query = database.CreateCommand("SELECT phone_e164, status FROM campaign_recipients WHERE campaign_id = @id");
        query.Parameters.AddWithValue("id", campaignId);
        await using var reader = await query.ExecuteReaderAsync();
        var statuses = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetString(0)] = reader.GetString(1);
        }

        return statuses;
    }

    /// <summary>Moves every zone's claim cursor past the campaign's last recipient, as if all were claimed.</summary>
    public async Task CursorsPastEveryRecipientAsync(Guid campaignId)
    {
        await using var move = database.CreateCommand("""
            INSERT INTO campaign_claim_cursors (campaign_id, zone_key, claimed_through)
            SELECT campaign_id, zone_key, max(id) FROM campaign_recipients WHERE campaign_id = @id GROUP BY campaign_id, zone_key
            """);
        move.Parameters.AddWithValue("id", campaignId);
        await move.ExecuteNonQueryAsync();
    }

    /// <summary>Ends (or moves) a campaign in its row alone, the way a crash between the row and the gate leaves it.</summary>
    public async Task SetCampaignRowStatusAsync(Guid campaignId, string status)
    {
        await using var update = database.CreateCommand("UPDATE campaigns SET status = @status WHERE id = @id");
        update.Parameters.AddWithValue("id", campaignId);
        update.Parameters.AddWithValue("status", status);
        await update.ExecuteNonQueryAsync();
    }

    /// <summary>Stored settings, as the API would store them once validated.</summary>
    public async Task SetSettingsAsync(Guid campaignId, string settingsJson)
    {
        await using var update = database.CreateCommand("UPDATE campaigns SET settings = @settings::jsonb WHERE id = @id");
        update.Parameters.AddWithValue("id", campaignId);
        update.Parameters.AddWithValue("settings", settingsJson);
        await update.ExecuteNonQueryAsync();
    }

    /// <summary>Gives one recipient a final outcome, as its send or receipt would have.</summary>
    public async Task SetOutcomeAsync(Guid campaignId, string phone, string status, string? errorCode, int attempt, bool wasSent)
    {
        await using var update = database.CreateCommand("""
            UPDATE campaign_recipients
            SET status = @status, error_code = @error_code, attempt = @attempt, next_attempt_at = NULL,
                sent_at = CASE WHEN @was_sent THEN now() END, finished_at = now()
            WHERE campaign_id = @id AND phone_e164 = @phone
            """);
        update.Parameters.AddWithValue("id", campaignId);
        update.Parameters.AddWithValue("phone", phone);
        update.Parameters.AddWithValue("status", status);
        update.Parameters.AddWithValue("error_code", (object?)errorCode ?? DBNull.Value);
        update.Parameters.AddWithValue("attempt", attempt);
        update.Parameters.AddWithValue("was_sent", wasSent);
        await update.ExecuteNonQueryAsync();
    }

    public async Task<string> CampaignRowStatusAsync(Guid campaignId)
    {
        await using var query = database.CreateCommand("SELECT status FROM campaigns WHERE id = @id");
        query.Parameters.AddWithValue("id", campaignId);
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
