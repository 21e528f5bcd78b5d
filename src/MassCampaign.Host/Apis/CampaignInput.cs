namespace MassCampaign.Host.Apis;

/// <summary>What the campaign was started with, as the status payload's input.</summary>
public sealed record CampaignInput(string Type, string Name, string From, string? SmsTemplate);
