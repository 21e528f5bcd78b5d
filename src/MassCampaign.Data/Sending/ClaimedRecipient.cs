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
    /// <summary>The claimed batch this recipient belongs to; its handover mark says what may have left.</summary>
    public Guid BatchId { get; init; }

    /// <summary>1-based place in its batch, the order in which the batch is handed to the provider.</summary>
    public int Position { get; init; }

    /// <summary>What Vonage echoes back in the response and every receipt: recipient and attempt.</summary>
    public string ClientRef => $"{RecipientId}-{Attempt}";
}
