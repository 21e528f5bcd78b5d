namespace MassCampaign.Data.Tests.Sending;

internal sealed record SeededRecipient(long Id, long ContactId, string Phone);
