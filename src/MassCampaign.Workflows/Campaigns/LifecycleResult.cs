namespace MassCampaign.Workflows.Campaigns;

/// <summary>The answer to an operator command; a refusal carries the sentence for its problem body.</summary>
[GenerateSerializer, Immutable]
public sealed record LifecycleResult([property: Id(0)] LifecycleOutcome Outcome, [property: Id(1)] string? Detail)
{
    public static LifecycleResult Accepted { get; } = new(LifecycleOutcome.Accepted, null);

    public static LifecycleResult NotFound { get; } = new(LifecycleOutcome.NotFound, null);

    public static LifecycleResult Conflict(string detail) => new(LifecycleOutcome.Conflict, detail);
}
