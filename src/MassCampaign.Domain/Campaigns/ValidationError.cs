namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// One problem with a request, addressed by its camelCase JSON path (<c>callingWindow.start</c>)
/// and described as what to fix.
/// </summary>
public sealed record ValidationError(string Field, string Message);
