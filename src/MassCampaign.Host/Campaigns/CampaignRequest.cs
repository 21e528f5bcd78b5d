using System.Text.Json;

namespace MassCampaign.Host.Campaigns;

/// <summary>The body of POST and PUT /api/campaigns: everything an operator gives a campaign.</summary>
/// <param name="Type">sms, voice or hybrid.</param>
/// <param name="From">The sender: an alphanumeric sender ID (SMS only) or a number.</param>
/// <param name="Settings">
/// An object: retry {maxAttempts, afterMinutes}, unknownPolicy, unknownResolveAfter, and any other members kept as given.
/// </param>
public sealed record CampaignRequest(
    string? Name,
    string? Type,
    string? SmsTemplate,
    string? VoiceScript,
    string? From,
    CallingWindowRequest? CallingWindow,
    JsonElement? Settings);
