namespace MassCampaign.Domain.RateLimiting;

/// <summary>
/// Tokens handed out by a <see cref="TokenSchedule"/>: token i may be spent at <see cref="FirstDue"/> + i ×
/// <see cref="Spacing"/> (times on the schedule's own clock). An empty grant says when to ask again.
/// </summary>
public readonly record struct TokenGrant(int Count, TimeSpan FirstDue, TimeSpan Spacing, TimeSpan RetryAfter)
{
    public TimeSpan DueAt(int index) => FirstDue + (Spacing * index);
}
