namespace MassCampaign.Vonage.Voice;

/// <summary>A call as <c>GET /v1/calls/{uuid}</c> describes it; the summary of its completed event once over.</summary>
public sealed record VoiceCallInfo(
    string Uuid,
    string Status,
    string? ConversationUuid,
    int? DurationSeconds,
    decimal? Price,
    string? Detail)
{
    private static readonly HashSet<string> FinalStatuses =
        new(["completed", "busy", "cancelled", "unanswered", "rejected", "failed", "timeout"], StringComparer.Ordinal);

    /// <summary>The number called, digits only as Vonage writes it; null when the answer did not say.</summary>
    public string? To { get; init; }

    /// <summary>Whether the call is over (VONAGE.md §6.5 final states).</summary>
    public bool IsFinal => FinalStatuses.Contains(Status);
}
