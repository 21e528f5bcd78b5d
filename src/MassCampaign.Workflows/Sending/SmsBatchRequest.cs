namespace MassCampaign.Workflows.Sending;

/// <summary>
/// One batch to claim and send. <see cref="Now"/> is the campaign's clock reading, so retries and windows agree
/// with the decision that opened these zones; each request is checked against <see cref="CallingWindowJson"/> again
/// right before it leaves. <see cref="FollowUps"/> claims a hybrid campaign's SMS follow-ups instead of its first sends.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SmsBatchRequest(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Sender,
    [property: Id(2)] string Template,
    [property: Id(3)] IReadOnlyList<string> OpenZoneKeys,
    [property: Id(4)] int Limit,
    [property: Id(5)] DateTimeOffset Now,
    [property: Id(6)] string CallingWindowJson,
    [property: Id(7)] TimeSpan UnknownResolveAfter,
    [property: Id(8)] bool FollowUps = false);
