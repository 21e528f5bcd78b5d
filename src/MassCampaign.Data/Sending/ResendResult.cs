namespace MassCampaign.Data.Sending;

/// <summary>What a resend reopened, and how many it left because they already had every attempt they may have.</summary>
public sealed record ResendResult(int Reopened, long AtAttemptCap);
