namespace MassCampaign.Host.Contacts;

/// <summary>A row that was not imported: where it is in the body, the phone as sent and what to fix.</summary>
public sealed record RejectedContact(long Row, string? Phone, string Reason);
