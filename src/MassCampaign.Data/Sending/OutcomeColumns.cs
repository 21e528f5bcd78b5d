using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>
/// A batch of outcomes laid out as the column arrays <see cref="OutcomeSql"/> unnests: one array per column,
/// so a whole batch is one parameter set. Builds fresh commands on every call, as a retried write needs.
/// </summary>
internal sealed class OutcomeColumns(IReadOnlyList<SendOutcome> outcomes)
{
    // Only these may have reached the provider, so only these get an sms_messages row.
    private readonly SendOutcome[] _submitted =
        outcomes.Where(o => o.Kind is SendOutcomeKind.Accepted or SendOutcomeKind.Ambiguous).ToArray();

    private readonly (string ClientRef, SentPart Part)[] _parts =
        outcomes.Where(o => o.Kind == SendOutcomeKind.Accepted)
            .SelectMany(o => o.Parts.Select(part => (o.ClientRef, part)))
            .ToArray();

    public bool Any => outcomes.Count > 0;

    /// <summary>Whether any outcome may have reached the provider; only then are messages written and receipts looked for.</summary>
    public bool HasSubmissions => _submitted.Length > 0;

    public NpgsqlBatchCommand UpdateRecipients(DateTimeOffset now, BatchSettlement settlement)
    {
        var command = new NpgsqlBatchCommand(OutcomeSql.UpdateRecipients);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.Add(new NpgsqlParameter<Guid?>("batch_id", settlement.BatchId));
        p.AddWithValue("resolve_by", now + settlement.UnknownResolveAfter);
        p.AddWithValue("released", outcomes.Select(o => o.Kind == SendOutcomeKind.Released).ToArray());
        p.AddWithValue("recipient_ids", outcomes.Select(o => o.RecipientId).ToArray());
        p.AddWithValue("client_refs", outcomes.Select(o => o.ClientRef).ToArray());
        p.AddWithValue("statuses", outcomes.Select(o => RecipientStatus(o.Kind)).ToArray());
        p.AddWithValue("outcomes", outcomes.Select(OutcomeText).ToArray());
        // Kept for accepted ones too: a message with one refused part is still sent, and the code explains it.
        p.AddWithValue("error_codes", outcomes.Select(o => o.ErrorCode).ToArray());
        p.AddWithValue("next_attempt_ats", outcomes.Select(o => o.Kind is SendOutcomeKind.Retry or SendOutcomeKind.Released ? o.RetryAt?.UtcDateTime : null).ToArray());
        p.AddWithValue("provider_message_ids", outcomes.Select(o => o.Kind == SendOutcomeKind.Accepted ? FirstPartId(o) : null).ToArray());
        // A call has no segments (0): the column stays empty for it.
        p.AddWithValue("segments", outcomes.Select(o => o.Kind == SendOutcomeKind.Accepted && o.Segments > 0 ? o.Segments : (int?)null).ToArray());
        p.AddWithValue("prices", outcomes.Select(o => o.Kind == SendOutcomeKind.Accepted ? TotalPrice(o) : null).ToArray());
        return command;
    }

    public NpgsqlBatchCommand InsertMessages(DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(OutcomeSql.InsertMessages);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.AddWithValue("campaign_ids", _submitted.Select(o => o.CampaignId).ToArray());
        p.AddWithValue("recipient_ids", _submitted.Select(o => o.RecipientId).ToArray());
        p.AddWithValue("client_refs", _submitted.Select(o => o.ClientRef).ToArray());
        p.AddWithValue("to_phones", _submitted.Select(o => o.PhoneE164).ToArray());
        p.AddWithValue("senders", _submitted.Select(o => o.Sender).ToArray());
        p.AddWithValue("bodies", _submitted.Select(o => o.Body).ToArray());
        // The schema spells encodings in lower case; the engine may hand over an enum name.
        p.AddWithValue("encodings", _submitted.Select(o => o.Encoding.ToLowerInvariant()).ToArray());
        p.AddWithValue("segments", _submitted.Select(o => o.Segments).ToArray());
        p.AddWithValue("statuses", _submitted.Select(o => o.Kind == SendOutcomeKind.Accepted ? "accepted" : "unknown").ToArray());
        p.AddWithValue("error_codes", _submitted.Select(o => o.ErrorCode).ToArray());
        p.AddWithValue("error_texts", _submitted.Select(o => o.ErrorText).ToArray());
        p.AddWithValue("prices", _submitted.Select(TotalPrice).ToArray());
        return command;
    }

    public NpgsqlBatchCommand InsertParts(DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(OutcomeSql.InsertParts);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.AddWithValue("client_refs", _parts.Select(x => x.ClientRef).ToArray());
        p.AddWithValue("provider_message_ids", _parts.Select(x => x.Part.ProviderMessageId).ToArray());
        p.AddWithValue("part_indexes", _parts.Select(x => x.Part.PartIndex).ToArray());
        p.AddWithValue("prices", _parts.Select(x => x.Part.Price).ToArray());
        return command;
    }

    public NpgsqlBatchCommand SelectEarlyReceipts()
    {
        var command = new NpgsqlBatchCommand(OutcomeSql.SelectEarlyReceipts);
        command.Parameters.AddWithValue("provider_message_ids", _parts.Select(x => x.Part.ProviderMessageId).ToArray());
        command.Parameters.AddWithValue("client_refs", _submitted.Select(o => o.ClientRef).ToArray());
        return command;
    }

    private static string RecipientStatus(SendOutcomeKind kind) => kind switch
    {
        SendOutcomeKind.Accepted => RecipientStatuses.Sent,
        SendOutcomeKind.Retry or SendOutcomeKind.Released => RecipientStatuses.Pending,
        SendOutcomeKind.Permanent => RecipientStatuses.Failed,
        SendOutcomeKind.Ambiguous => RecipientStatuses.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown send outcome kind."),
    };

    private static string OutcomeText(SendOutcome outcome) => outcome.Kind switch
    {
        SendOutcomeKind.Accepted => outcome.ErrorText is { } partly ? $"accepted with errors: {partly}" : "accepted",
        SendOutcomeKind.Retry => $"retry: {outcome.ErrorText ?? "transient error"}",
        SendOutcomeKind.Released => $"released: {outcome.ErrorText ?? "not sent"}",
        SendOutcomeKind.Permanent => $"failed: {outcome.ErrorText ?? "refused by the provider"}",
        _ => $"ambiguous: {outcome.ErrorText ?? "no answer from the provider"}",
    };

    private static string? FirstPartId(SendOutcome outcome) =>
        outcome.Parts.OrderBy(part => part.PartIndex).FirstOrDefault()?.ProviderMessageId;

    /// <summary>The price Vonage quoted for the message, else the sum of its parts' prices, if any part had one.</summary>
    private static decimal? TotalPrice(SendOutcome outcome) =>
        outcome.Price ?? (outcome.Parts.Any(part => part.Price.HasValue) ? outcome.Parts.Sum(part => part.Price ?? 0m) : null);
}
