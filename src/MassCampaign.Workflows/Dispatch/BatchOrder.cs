using MassCampaign.Data.Lifecycle;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>What the lifecycle asks a channel to do: claim up to <see cref="Limit"/> recipients due now in the open zones, and send them.</summary>
public sealed record BatchOrder(CampaignDefinition Campaign, IReadOnlyList<string> OpenZoneKeys, int Limit, Instant Now, TimeSpan UnknownResolveAfter);
