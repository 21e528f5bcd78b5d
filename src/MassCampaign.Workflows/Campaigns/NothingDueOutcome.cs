namespace MassCampaign.Workflows.Campaigns;

/// <summary>What a tick with nothing due decided; when <see cref="Idle"/>, the loop rests until <see cref="NextDueAt"/> (or a few seconds).</summary>
internal sealed record NothingDueOutcome(LoopDecision Decision, bool Idle, NodaTime.Instant? NextDueAt);
