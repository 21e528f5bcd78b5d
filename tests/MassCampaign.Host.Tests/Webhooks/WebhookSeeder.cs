using Npgsql;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>Writes what the send path would have written for one recipient, with SQL.</summary>
public sealed class WebhookSeeder(NpgsqlDataSource database)
{
    /// <summary>A campaign with one contact as its recipient, in <paramref name="status"/> after attempt 1.</summary>
    public async Task<SeededRecipient> RecipientAsync(string status = "sent", string? phone = null)
    {
        phone ??= WebhookHost.NewPhone();
        await using var command = database.CreateCommand("""
            WITH campaign AS (
                INSERT INTO campaigns (id, name, type, sms_template, sender, calling_window)
                VALUES (gen_random_uuid(), 'Webhook test', 'sms', 'Hello', '447700900000', '{}') RETURNING id),
            contact AS (
                INSERT INTO contacts (phone_e164, first_name) VALUES (@phone, 'Ada') RETURNING id)
            INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key, status, attempt, sent_at)
            SELECT campaign.id, contact.id, @phone, 'Europe/London', @status, 1, now() FROM campaign, contact
            RETURNING id, campaign_id, contact_id
            """);
        command.Parameters.AddWithValue("phone", phone);
        command.Parameters.AddWithValue("status", status);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SeededRecipient(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), phone);
    }

    /// <summary>A recipient whose SMS Vonage accepted as <paramref name="parts"/> parts: ids "{clientRef}-p{n}".</summary>
    public async Task<SeededRecipient> SentSmsAsync(int parts = 1)
    {
        var recipient = await RecipientAsync();
        await using var command = database.CreateCommand("""
            WITH message AS (
                INSERT INTO sms_messages (campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments, status)
                VALUES (@campaign, @recipient, @ref, @phone, '447700900000', 'Hello', 'gsm7', @parts, 'accepted') RETURNING id)
            INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index)
            SELECT @ref || '-p' || n, message.id, n FROM message, generate_series(1, @parts) AS n
            """);
        command.Parameters.AddWithValue("campaign", recipient.CampaignId);
        command.Parameters.AddWithValue("recipient", recipient.Id);
        command.Parameters.AddWithValue("ref", recipient.ClientRef);
        command.Parameters.AddWithValue("phone", recipient.Phone);
        command.Parameters.AddWithValue("parts", parts);
        await command.ExecuteNonQueryAsync();
        return recipient;
    }
}
