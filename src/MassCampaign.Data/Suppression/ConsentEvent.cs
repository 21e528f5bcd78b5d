namespace MassCampaign.Data.Suppression;

/// <summary>
/// One row of the append-only consent trail. <paramref name="ProviderMessageId"/> ties it to the inbound message
/// that caused it, and is unique: Vonage's retries of that message cannot record it twice.
/// </summary>
public sealed record ConsentEvent(
    string Phone,
    string EventType,
    string Source,
    string Channel,
    string? RawText = null,
    string? Keyword = null,
    Guid? CampaignId = null,
    string? ProviderMessageId = null);
