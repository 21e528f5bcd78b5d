using System.Text.Json;
using MassCampaign.Data.Voice;
using MassCampaign.Workflows.Voice;

namespace MassCampaign.Host.Voice;

/// <summary>
/// A call event: stored once (a replay changes nothing), then the attempt's verdict is taken from all its events, so
/// the 200 goes out only once what the event decided is committed.
/// </summary>
public sealed class VoiceEventHandler(CallEventStore store, CallVerdicts verdicts)
{
    /// <returns>Null when stored and applied, else what is wrong with the event.</returns>
    public async Task<string?> HandleAsync(CallAttemptRef attempt, JsonElement body, CancellationToken ct)
    {
        if (CallEventReader.Read(attempt.Text, body, isInput: false, out var error) is not { } record)
        {
            return error;
        }

        await store.StoreAsync([record], ct);
        await verdicts.ApplyAsync([(attempt.RecipientId, attempt.Text)], ct);
        return null;
    }
}
