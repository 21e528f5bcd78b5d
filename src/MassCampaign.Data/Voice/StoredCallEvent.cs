namespace MassCampaign.Data.Voice;

/// <summary>An event read back to decide its attempt's verdict; duration and price come from 'completed'.</summary>
public sealed record StoredCallEvent(
    string ClientRef, string CallUuid, string Status, string? Detail, string? Digits, int? DurationSeconds, decimal? Price,
    string? ConversationUuid);
