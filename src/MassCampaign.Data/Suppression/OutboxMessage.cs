namespace MassCampaign.Data.Suppression;

/// <summary>A keyword answer claimed for sending: from our number that was texted, to the contact.</summary>
public sealed record OutboxMessage(long Id, string Kind, string From, string To, string Body, long? ConsentEventId, int Attempts);
