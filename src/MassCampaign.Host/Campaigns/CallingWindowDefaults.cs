namespace MassCampaign.Host.Campaigns;

/// <summary>massCampaign:defaultCallingWindow: what a campaign gets for the days, start or end it leaves out.</summary>
public sealed class CallingWindowDefaults
{
    public const string Section = "massCampaign:defaultCallingWindow";

    public List<string> Days { get; set; } = [];

    public string? Start { get; set; }

    public string? End { get; set; }
}
