namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// Whether a campaign may move between two statuses; when it may not, <see cref="Reason"/> is a sentence
/// fit for a 409 response body, e.g. "A completed campaign cannot be resumed; completed is a final status."
/// </summary>
public sealed record TransitionCheck(CampaignStatus From, CampaignStatus To, bool IsAllowed, string? Reason);
