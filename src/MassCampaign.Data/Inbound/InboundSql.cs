namespace MassCampaign.Data.Inbound;

/// <summary>Statements of the inbound SMS path.</summary>
internal static class InboundSql
{
    /// <summary>Serialises the parts of one long message, so the last two arriving together still see each other.</summary>
    public const string LockConcatGroup = "SELECT pg_advisory_xact_lock(hashtextextended(@phone || '|' || @ref, 0))";

    public const string PartKnown = "SELECT EXISTS (SELECT 1 FROM inbound_sms_parts WHERE provider_message_id = @id)";

    public const string PartNumberWaiting = """
        SELECT EXISTS (SELECT 1 FROM inbound_sms_parts
                       WHERE phone_number = @phone AND concat_ref = @ref AND part_number = @number AND assembled_at IS NULL)
        """;

    public const string InsertPart = """
        INSERT INTO inbound_sms_parts (phone_number, concat_ref, part_number, part_total, provider_message_id, part_text, received_at)
        VALUES (@phone, @ref, @number, @total, @id, @text, @received)
        """;

    public const string CountWaiting = """
        SELECT count(*) FROM inbound_sms_parts WHERE phone_number = @phone AND concat_ref = @ref AND assembled_at IS NULL
        """;

    /// <summary>Takes every waiting part of the group; the rows stay so a late retry of a part is recognised.</summary>
    public const string TakeWaiting = """
        UPDATE inbound_sms_parts SET assembled_at = now()
        WHERE phone_number = @phone AND concat_ref = @ref AND assembled_at IS NULL
        RETURNING part_number, provider_message_id, part_text, received_at
        """;

    /// <summary>
    /// The SMS campaign that last messaged this contact: the one a reply most likely answers. Served by the
    /// (contact_id, campaign_id) unique index; every recipient is a contact, so a number with no contact has none.
    /// </summary>
    public const string LastCampaign = """
        SELECT r.campaign_id
        FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.contact_id = @contact
          AND c.type IN ('sms', 'hybrid')
          AND r.status IN ('sending', 'sent', 'delivered', 'failed', 'expired', 'rejected', 'unknown')
        ORDER BY COALESCE(r.sent_at, r.claimed_at, r.updated_at) DESC
        LIMIT 1
        """;

    public const string InsertReply = """
        INSERT INTO sms_replies (contact_id, campaign_id, phone_number, reply_text, classification, received_at, provider_message_id)
        VALUES (@contact, @campaign, @phone, @text, @classification, @received, @id)
        ON CONFLICT (provider_message_id) DO NOTHING
        RETURNING id
        """;

    /// <summary>The newest reply wins the contact's last-reply fields, whatever order webhooks arrive in.</summary>
    public const string UpdateContact = """
        UPDATE contacts
        SET has_replied = true,
            last_reply_text = CASE WHEN last_reply_at IS NULL OR last_reply_at <= @received THEN @text ELSE last_reply_text END,
            last_reply_at = GREATEST(last_reply_at, @received),
            updated_at = now()
        WHERE id = @contact
        """;

    public const string SelectContactId = "SELECT id FROM contacts WHERE phone_e164 = @phone";
}
