using System.Globalization;
using System.Text.Json;
using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;

namespace MassCampaign.Workflows.Voice;

/// <summary>A call's state as the provider reports it, stored as the events that never arrived (its duration and price kept).</summary>
internal static class ProviderCallEvent
{
    public static IEnumerable<CallEventRecord> From(VoiceCallInfo info, string clientRef)
    {
        // A completed call billed for some seconds was answered: its answered event was lost with the rest, and
        // completed alone would read as never answered.
        if (info.Status == "completed" && info.DurationSeconds > 0)
        {
            yield return new CallEventRecord(clientRef, info.Uuid, "answered", null, null, Payload(info, "answered"));
        }

        yield return new CallEventRecord(clientRef, info.Uuid, info.Status, info.Detail, null, Payload(info, info.Status));
    }

    private static string Payload(VoiceCallInfo info, string status) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["uuid"] = info.Uuid,
        ["status"] = status,
        ["conversation_uuid"] = info.ConversationUuid,
        ["duration"] = info.DurationSeconds?.ToString(CultureInfo.InvariantCulture),
        ["price"] = info.Price?.ToString(CultureInfo.InvariantCulture),
        ["source"] = "GET /v1/calls",
    });
}
