using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// The status an operator command moves a campaign to, or, when the command is refused,
/// a sentence fit for a 409 response body in <see cref="Reason"/>.
/// </summary>
public sealed record CommandDecision(CampaignCommand Command, CampaignStatus From, CampaignStatus? Target, string? Reason)
{
    [MemberNotNullWhen(true, nameof(Target))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAccepted => Target is not null;
}
