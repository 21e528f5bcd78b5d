using MassCampaign.Data.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Telemetry;
using Npgsql;

namespace MassCampaign.Data.Voice;

/// <summary>
/// The voice webhooks' side: every event stored once, the attempts it concerns read back with their recipients, and
/// the verdicts written to calls and recipients in one transaction.
/// </summary>
public sealed class CallEventStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task StoreAsync(IReadOnlyList<CallEventRecord> events, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.InsertEvents);
        var p = command.Parameters;
        p.AddWithValue("now", time.GetUtcNow());
        p.AddWithValue("client_refs", events.Select(e => e.ClientRef).ToArray());
        p.AddWithValue("call_uuids", events.Select(e => e.CallUuid).ToArray());
        p.AddWithValue("statuses", events.Select(e => e.Status).ToArray());
        p.AddWithValue("details", events.Select(e => e.Detail).ToArray());
        p.AddWithValue("digits", events.Select(e => e.Digits).ToArray());
        p.AddWithValue("payloads", events.Select(e => e.PayloadJson).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The stored events of these attempts (oldest first) and each attempt's recipient and campaign now.</summary>
    public async Task<(IReadOnlyList<StoredCallEvent> Events, IReadOnlyList<CallAttemptState> Attempts)> LoadAsync(
        IReadOnlyCollection<(long RecipientId, string ClientRef)> attempts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(CallSql.SelectEvents) { Parameters = { new("client_refs", attempts.Select(a => a.ClientRef).ToArray()) } },
                new NpgsqlBatchCommand(CallSql.SelectAttempts)
                {
                    Parameters =
                    {
                        new("now", time.GetUtcNow()),
                        new("recipient_ids", attempts.Select(a => a.RecipientId).ToArray()),
                        new("client_refs", attempts.Select(a => a.ClientRef).ToArray()),
                    },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var events = new List<StoredCallEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(new StoredCallEvent(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
                int.TryParse(NullableString(reader, 5), out var duration) ? duration : null,
                decimal.TryParse(NullableString(reader, 6), System.Globalization.CultureInfo.InvariantCulture, out var price) ? price : null,
                NullableString(reader, 7)));
        }

        await reader.NextResultAsync(ct);
        var states = new List<CallAttemptState>();
        while (await reader.ReadAsync(ct))
        {
            states.Add(new CallAttemptState(
                reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5),
                reader.GetGuid(6), CampaignTypeNames.TryParse(reader.GetString(7), out var type) ? type : CampaignType.Voice,
                CampaignStatusNames.TryParse(reader.GetString(8), out var status) ? status : CampaignStatus.Running,
                CampaignSettings.FromJson(reader.GetString(9)), (int)reader.GetInt64(10), reader.GetBoolean(11), reader.GetBoolean(12),
                (int)reader.GetInt64(13)));
        }

        return (events, states);
    }

    public async Task ApplyAsync(IReadOnlyList<CallVerdict> verdicts, CancellationToken ct)
    {
        if (verdicts.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var write = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { CallVerdictColumns.UpdateCalls(verdicts, time.GetUtcNow()), CallVerdictColumns.UpdateRecipients(verdicts, time.GetUtcNow()) },
        };
        await write.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The opt-out digit: blacklisted with a consent event, once per call however often Vonage posts it.</summary>
    public async Task OptOutAsync(string phoneE164, string digits, Guid campaignId, string callUuid, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.OptOut);
        command.Parameters.AddWithValue("phone", phoneE164);
        command.Parameters.AddWithValue("digits", digits);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("event_key", $"dtmf:{callUuid}");
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        // One consent event per call: Vonage's retries insert nothing and are not counted again.
        CampaignMetrics.Add(CampaignMetrics.OptOuts, await command.ExecuteNonQueryAsync(ct), "channel", "voice");
    }

    public async Task<AnswerContext?> FindAnswerAsync(long recipientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.SelectAnswer);
        command.Parameters.AddWithValue("recipient_id", recipientId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new AnswerContext(
            reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetGuid(3),
            CampaignStatusNames.TryParse(reader.GetString(4), out var status) ? status : CampaignStatus.Running,
            NullableString(reader, 5), CampaignSettings.FromJson(reader.GetString(6)),
            NullableString(reader, 7), NullableString(reader, 8), NullableString(reader, 9),
            ContactAttributes.Parse(reader.GetString(10)), reader.GetBoolean(11));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
