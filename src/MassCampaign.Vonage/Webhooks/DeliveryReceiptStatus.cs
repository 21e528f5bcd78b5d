namespace MassCampaign.Vonage.Webhooks;

/// <summary>The <c>status</c> of an SMS API delivery receipt (VONAGE.md §2.3).</summary>
public enum DeliveryReceiptStatus
{
    /// <summary>No useful information, or a status this code does not know.</summary>
    Unknown,
    Accepted,
    Buffered,
    Delivered,
    Expired,
    Failed,
    Rejected,
}
