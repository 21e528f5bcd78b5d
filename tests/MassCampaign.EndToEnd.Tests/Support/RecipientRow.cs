namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>One campaign_recipients row as the assertions need it.</summary>
public sealed record RecipientRow(long Id, string Phone, string Status, int Attempt);
