namespace MassCampaign.Domain.Campaigns;

/// <summary>What happens to a send left unknown (no delivery receipt) once the campaign's unknownResolveAfter has passed.</summary>
public enum UnknownPolicy
{
    /// <summary>Send it again: a recipient may get the message twice, but none is silently missed.</summary>
    Resend,

    /// <summary>Leave it unknown: nobody gets the message twice, at the risk of some never getting it.</summary>
    Leave,
}
