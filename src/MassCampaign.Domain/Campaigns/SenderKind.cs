namespace MassCampaign.Domain.Campaigns;

/// <summary>The two shapes a campaign's <c>from</c> can take.</summary>
public enum SenderKind
{
    /// <summary>1–11 of [A-Za-z0-9 ] with at least one letter; SMS only, and not accepted in every country.</summary>
    Alphanumeric,

    /// <summary>4–15 digits with an optional leading '+': a long number or a short code.</summary>
    Number,
}
