using System.Text.Json.Serialization;

namespace MassCampaign.Simulator.Voice;

/// <summary>The 201 answer to <c>POST /v1/calls</c> (VONAGE.md §6.2).</summary>
internal sealed record CallCreatedResponse(
    string Uuid,
    string Status,
    string Direction,
    [property: JsonPropertyName("conversation_uuid")] string ConversationUuid);
