using Npgsql;

namespace MassCampaign.Data.Voice;

/// <summary>Verdicts laid out as the column arrays <see cref="CallSql.UpdateCalls"/> and <see cref="CallSql.UpdateRecipients"/> unnest.</summary>
internal static class CallVerdictColumns
{
    public static NpgsqlBatchCommand UpdateCalls(IReadOnlyList<CallVerdict> verdicts, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(CallSql.UpdateCalls);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.AddWithValue("client_refs", verdicts.Select(v => v.ClientRef).ToArray());
        p.AddWithValue("call_uuids", verdicts.Select(v => v.CallUuid).ToArray());
        p.AddWithValue("conversation_uuids", verdicts.Select(v => v.ConversationUuid).ToArray());
        p.AddWithValue("statuses", verdicts.Select(v => v.CallStatus).ToArray());
        p.AddWithValue("outcomes", verdicts.Select(v => v.Outcome).ToArray());
        p.AddWithValue("digits", verdicts.Select(v => v.Digits).ToArray());
        p.AddWithValue("durations", verdicts.Select(v => v.DurationSeconds).ToArray());
        p.AddWithValue("prices", verdicts.Select(v => v.Price).ToArray());
        p.AddWithValue("answered", verdicts.Select(v => v.Answered).ToArray());
        return command;
    }

    public static NpgsqlBatchCommand UpdateRecipients(IReadOnlyList<CallVerdict> verdicts, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(CallSql.UpdateRecipients);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.AddWithValue("recipient_ids", verdicts.Select(v => v.RecipientId).ToArray());
        p.AddWithValue("client_refs", verdicts.Select(v => v.ClientRef).ToArray());
        p.AddWithValue("statuses", verdicts.Select(v => v.RecipientStatus).ToArray());
        p.AddWithValue("outcomes", verdicts.Select(v => v.RecipientOutcome).ToArray());
        p.AddWithValue("error_codes", verdicts.Select(v => v.ErrorCode).ToArray());
        p.AddWithValue("follow_ups", verdicts.Select(v => v.FollowUp).ToArray());
        p.AddWithValue("next_attempt_ats", verdicts.Select(v => v.NextAttemptAt?.UtcDateTime).ToArray());
        p.AddWithValue("call_uuids", verdicts.Select(v => v.CallUuid).ToArray());
        p.AddWithValue("prices", verdicts.Select(v => v.Price).ToArray());
        return command;
    }
}
