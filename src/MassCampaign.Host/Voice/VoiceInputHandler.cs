using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Voice;
using MassCampaign.Workflows.Sending;
using MassCampaign.Workflows.Voice;

namespace MassCampaign.Host.Voice;

/// <summary>
/// The digit a callee pressed (DESIGN.md §9): stored with the attempt's events; the opt-out digit blacklists the number
/// exactly as an SMS STOP does (consent event, every host's send checks told at once); the confirm digit is recorded.
/// The NCCO answered tells the callee what happened.
/// </summary>
public sealed class VoiceInputHandler(CallEventStore store, CallVerdicts verdicts, RecentOptOuts optOuts)
{
    public const string OptedOutReply = "You will not be contacted again. Goodbye.";
    public const string ConfirmedReply = "Thank you, your confirmation is recorded. Goodbye.";
    public const string GoodbyeReply = "Thank you. Goodbye.";

    /// <returns>The NCCO to continue the call with, or null with <paramref name="error"/> when the body is not an input result.</returns>
    public async Task<(JsonArray? Ncco, string? Error)> HandleAsync(CallAttemptRef attempt, JsonElement body, CancellationToken ct)
    {
        if (CallEventReader.Read(attempt.Text, body, isInput: true, out var error) is not { } record)
        {
            return (null, error);
        }

        var context = await store.FindAnswerAsync(attempt.RecipientId, ct);
        await store.StoreAsync([record], ct);
        var voice = context?.Settings.Voice;
        string reply;
        if (context is not null && record.Digits is { } digits && digits == voice!.OptOutDigit)
        {
            await store.OptOutAsync(context.PhoneE164, digits, context.CampaignId, record.CallUuid, ct);
            await optOuts.AddAsync(context.PhoneE164, ct);
            reply = OptedOutReply;
        }
        else
        {
            reply = record.Digits is { } pressed && pressed == voice?.ConfirmDigit ? ConfirmedReply : GoodbyeReply;
        }

        await verdicts.ApplyAsync([(attempt.RecipientId, attempt.Text)], ct);
        return (Ncco.Say(reply), null);
    }
}
