using System.Text.Json;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Voice;
using MassCampaign.Workflows.Voice;

namespace MassCampaign.Host.Voice;

/// <summary>
/// A call event: stored once (a replay changes nothing); a final event then takes the attempt's verdict from all its
/// events, so the 200 goes out only once what it decided is committed. Events along the way (started, ringing,
/// answered, machine) decide nothing on their own and are only stored: at several per call, applying each would cost
/// the answer webhook, which Vonage waits on, its share of the database.
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
        if (CallProgress.IsFinalEvent(record.Status))
        {
            await verdicts.ApplyAsync([(attempt.RecipientId, attempt.Text)], ct);
        }

        return null;
    }
}
