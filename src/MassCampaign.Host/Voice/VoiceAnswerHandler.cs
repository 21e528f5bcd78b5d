using System.Text.Json.Nodes;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Messaging;
using MassCampaign.Domain.Voice;
using MassCampaign.Workflows.Voice;

namespace MassCampaign.Host.Voice;

/// <summary>
/// The NCCO a callee hears when they answer (DESIGN.md §9): their personalised script, then one DTMF digit. Vonage waits
/// only a few seconds for it, so this is one indexed read and no write. A number blacklisted since it was dialled hears
/// nothing: the call ends at once.
/// </summary>
public sealed class VoiceAnswerHandler(CallEventStore store, VoiceWebhookUrls urls, ILogger<VoiceAnswerHandler> logger)
{
    public async Task<JsonArray> AnswerAsync(CallAttemptRef attempt, CancellationToken ct)
    {
        var context = await store.FindAnswerAsync(attempt.RecipientId, ct);
        if (context is null || context.Blacklisted)
        {
            return Ncco.Empty();
        }

        if (!VoiceScript.TryParse(context.VoiceScript ?? "", out var script, out var parseError))
        {
            logger.LogWarning("Call {ClientRef}: the campaign's voice script cannot be used ({Error}); the call ends silently", attempt.Text, parseError);
            return Ncco.Empty();
        }

        var values = new TemplateValues(context.FirstName, context.LastName, context.PhoneE164, context.TimeZone, context.Attributes);
        if (!script.TryRender(values, out var text, out var renderError))
        {
            logger.LogWarning("Call {ClientRef}: {Error}; the call ends silently", attempt.Text, renderError);
            return Ncco.Empty();
        }

        return Ncco.Answer(text, urls.Input(attempt.Text));
    }
}
