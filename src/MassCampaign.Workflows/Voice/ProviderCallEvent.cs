using System.Globalization;
using System.Text.Json;
using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;

namespace MassCampaign.Workflows.Voice;

/// <summary>A call's state as the provider reports it, stored as the event that never arrived (its duration and price kept).</summary>
internal static class ProviderCallEvent
{
    public static CallEventRecord From(VoiceCallInfo info, string clientRef) =>
        new(clientRef, info.Uuid, info.Status, info.Detail, null, JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["uuid"] = info.Uuid,
            ["status"] = info.Status,
            ["conversation_uuid"] = info.ConversationUuid,
            ["duration"] = info.DurationSeconds?.ToString(CultureInfo.InvariantCulture),
            ["price"] = info.Price?.ToString(CultureInfo.InvariantCulture),
            ["source"] = "GET /v1/calls",
        }));
}
