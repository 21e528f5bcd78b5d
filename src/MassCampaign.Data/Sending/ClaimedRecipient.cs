namespace MassCampaign.Data.Sending;

/// <summary>A recipient moved to 'sending' by a claim, with what the template needs to render its message.</summary>
public sealed record ClaimedRecipient(
    long RecipientId,
    long ContactId,
    string PhoneE164,
    int Attempt,
    string ZoneKey,
    string? FirstName,
    string? LastName,
    string? TimeZone,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>What Vonage echoes back in the response and every receipt: recipient and attempt.</summary>
    public string ClientRef => $"{RecipientId}-{Attempt}";
}
