namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// The calling window as a client sends it: <c>{days: ["Mon",…], start: "08:00", end: "21:00", timeZone: "America/New_York"}</c>.
/// Omitted days, start or end take the defaults; the time zone is always required.
/// </summary>
public sealed record CallingWindowDraft(
    IReadOnlyList<string?>? Days,
    string? Start,
    string? End,
    string? TimeZone);
