namespace MassCampaign.Host.Apis;

/// <summary>The outcomes to resend, e.g. <c>{"statuses": ["failed", "unknown"]}</c>.</summary>
public sealed record ResendRequest(IReadOnlyList<string>? Statuses);
