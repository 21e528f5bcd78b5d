namespace MassCampaign.Workflows.Campaigns;

/// <summary>How a resend went: the command's result, the recipients reopened, and those left at their attempt cap.</summary>
[GenerateSerializer, Immutable]
public sealed record ResendAnswer(
    [property: Id(0)] LifecycleResult Result,
    [property: Id(1)] int Reopened,
    [property: Id(2)] long AtAttemptCap);
