namespace MassCampaign.Host.Campaigns;

/// <summary>
/// The calling window as sent: omitted days, start or end take massCampaign:defaultCallingWindow; the time zone is
/// required and is the recipients' zone when neither the contact nor the number gives one.
/// </summary>
public sealed record CallingWindowRequest(List<string?>? Days, string? Start, string? End, string? TimeZone);
