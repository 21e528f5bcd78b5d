using MassCampaign.Data.Suppression;
using Npgsql;

namespace MassCampaign.Data.Inbound;

/// <summary>
/// Stores inbound SMS once per provider message id and acts on their keywords, all in one transaction: the reply
/// row, the contact's last-reply fields, the blacklist change, the consent event and the queued answer commit
/// together or not at all. A Vonage retry finds the reply already there and changes nothing.
/// </summary>
public sealed class InboundSmsStore(NpgsqlDataSource dataSource, ContactDirectory contacts)
{
    /// <param name="decide">Reads the whole text (a long message's joined parts) and says what it means.</param>
    public async Task<InboundOutcome> RecordAsync(InboundMessage message, Func<string, InboundDecision> decide, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        IReadOnlyList<WholeMessage>? whole = message.Part is { } part
            ? await ConcatAssembler.AddAsync(connection, transaction, message, part, ct)
            : [new WholeMessage(message.ProviderMessageId, message.Text, message.ReceivedAt)];
        if (whole is null)
        {
            return InboundOutcome.Duplicate;
        }

        var recorded = new List<RecordedReply>(whole.Count);
        foreach (var text in whole)
        {
            if (await RecordWholeAsync(connection, transaction, message, text, decide, ct) is { } reply)
            {
                recorded.Add(reply);
            }
        }

        await transaction.CommitAsync(ct);
        return (whole.Count, recorded.Count) switch
        {
            (0, _) => InboundOutcome.Waiting,
            (_, 0) => InboundOutcome.Duplicate,
            _ => new InboundOutcome(InboundOutcomeKind.Recorded, recorded),
        };
    }

    private async Task<RecordedReply?> RecordWholeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InboundMessage message, WholeMessage whole,
        Func<string, InboundDecision> decide, CancellationToken ct)
    {
        var phone = message.Phone;
        var contactId = message.PhoneIsE164 ? await contacts.FindContactIdAsync(phone, ct) : null;
        var campaignId = contactId is { } known ? await LastCampaignAsync(connection, transaction, known, ct) : null;
        var decision = decide(whole.Text);
        var receivedAt = whole.ReceivedAt.ToUniversalTime();

        await using var insert = new NpgsqlCommand(InboundSql.InsertReply, connection, transaction);
        insert.Parameters.AddWithValue("contact", (object?)contactId ?? DBNull.Value);
        insert.Parameters.AddWithValue("campaign", (object?)campaignId ?? DBNull.Value);
        insert.Parameters.AddWithValue("phone", phone);
        insert.Parameters.AddWithValue("text", whole.Text);
        insert.Parameters.AddWithValue("classification", decision.Classification);
        insert.Parameters.AddWithValue("received", receivedAt);
        insert.Parameters.AddWithValue("id", whole.ProviderMessageId);
        if (await insert.ExecuteScalarAsync(ct) is not long replyId)
        {
            return null;
        }

        if (contactId is { } contact)
        {
            await using var update = new NpgsqlCommand(InboundSql.UpdateContact, connection, transaction);
            update.Parameters.AddWithValue("contact", contact);
            update.Parameters.AddWithValue("received", receivedAt);
            update.Parameters.AddWithValue("text", whole.Text);
            await update.ExecuteNonQueryAsync(ct);
        }

        var queued = await ActOnKeywordAsync(connection, transaction, message, whole, decision, campaignId, ct);
        return new RecordedReply(replyId, whole.ProviderMessageId, contactId, campaignId, decision.Classification, queued);
    }

    private static async Task<bool> ActOnKeywordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InboundMessage message, WholeMessage whole,
        InboundDecision decision, Guid? campaignId, CancellationToken ct)
    {
        var phone = message.Phone;
        // The blacklist holds E.164 only; a short code or alphanumeric sender cannot be messaged anyway.
        var stillBlocked = message.PhoneIsE164 && await ChangeBlacklistAsync(connection, transaction, phone, decision, ct);

        if (decision.ConsentEventType is not { } eventType || decision.ConsentSource is not { } source)
        {
            return false;
        }

        var consentEventId = await SuppressionSql.InsertConsentEventAsync(connection, transaction,
            new ConsentEvent(phone, eventType, source, ConsentEventTypes.SmsChannel, whole.Text, decision.Keyword, campaignId, whole.ProviderMessageId),
            ct);
        // An opt-in cannot lift an operator's entry, so it is not confirmed as if it had.
        var resubscribed = decision.Blacklist != BlacklistChange.RemoveSelfService || !stillBlocked;
        if (decision.Reply is not { } reply || !message.PhoneIsE164 || consentEventId is null || !resubscribed)
        {
            return false;
        }

        // Answered from the number the contact texted, so the answer lands in the same thread. A STOP while the
        // number is already opted out is recorded above but not confirmed again.
        return await SmsOutbox.EnqueueAsync(connection, transaction, reply, whole.ProviderMessageId, consentEventId, message.To, phone, ct);
    }

    /// <returns>True when the number is on the blacklist after the change.</returns>
    private static async Task<bool> ChangeBlacklistAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string phone, InboundDecision decision, CancellationToken ct)
    {
        switch (decision.Blacklist)
        {
            case BlacklistChange.Add:
                // An entry already there (an operator's, say) keeps its source and reason.
                await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.InsertBlacklist, p =>
                {
                    p.AddWithValue("phone", phone);
                    p.AddWithValue("reason", $"Replied {decision.Keyword}");
                    p.AddWithValue("source", BlacklistSources.StopKeyword);
                }, ct);
                return true;
            case BlacklistChange.RemoveSelfService:
                await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.DeleteSelfServiceBlacklist, p =>
                {
                    p.AddWithValue("phone", phone);
                    p.AddWithValue("sources", BlacklistSources.SelfService.ToArray());
                }, ct);
                return await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.SelectBlacklist,
                    p => p.AddWithValue("phone", phone), ct) is not null;
            default:
                return false;
        }
    }

    private static async Task<Guid?> LastCampaignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long contactId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InboundSql.LastCampaign, connection, transaction);
        command.Parameters.AddWithValue("contact", contactId);
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }
}
