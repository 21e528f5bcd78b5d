namespace MassCampaign.Host.Suppression;

/// <summary>The body of <c>POST /api/blacklist</c>: any written form of the number, why, and operator (default) or complaint.</summary>
public sealed record BlacklistAddRequest(string? Phone, string? Reason, string? Source);
