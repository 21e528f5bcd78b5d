namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>A recipient the seeder wrote, with its attempt-1 client-ref and part ids.</summary>
public sealed record SeededRecipient(long Id, Guid CampaignId, long ContactId, string Phone)
{
    public string ClientRef => $"{Id}-1";

    /// <summary>As Vonage writes numbers: international digits without '+'.</summary>
    public string Msisdn => Phone[1..];

    public string PartId(int part) => $"{ClientRef}-p{part}";
}
