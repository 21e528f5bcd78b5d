namespace MassCampaign.Workflows.Voice;

/// <summary>
/// One batch of calls to claim and place. <see cref="Now"/> is the campaign's clock reading; each call is checked
/// against <see cref="CallingWindowJson"/> again right before it is created. <see cref="FollowUps"/> claims a hybrid
/// campaign's follow-up calls instead of its first ones.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record VoiceBatchRequest(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string From,
    [property: Id(2)] IReadOnlyList<string> OpenZoneKeys,
    [property: Id(3)] int Limit,
    [property: Id(4)] DateTimeOffset Now,
    [property: Id(5)] string CallingWindowJson,
    [property: Id(6)] TimeSpan UnknownResolveAfter,
    [property: Id(7)] bool FollowUps,
    [property: Id(8)] string VoiceScript,
    [property: Id(9)] string MachineDetection,
    [property: Id(10)] int RingingTimeoutSeconds);
