namespace MassCampaign.Data.Contacts;

/// <summary>The campaign ended while contacts were being imported into it; the chunk that found it so was not written.</summary>
public sealed class CampaignFinishedException(Guid campaignId)
    : Exception($"Campaign {campaignId} has finished; no more contacts can be added to it.")
{
    public Guid CampaignId { get; } = campaignId;
}
