namespace MassCampaign.Host.Apis;

/// <summary>
/// A resend's answer: recipients given a new attempt (blacklist and window still apply when they are claimed), and
/// those left alone because they already had <c>ResendableStatuses.MaxAttempts</c> attempts.
/// </summary>
public sealed record ResendResponse(Guid Id, int Reopened, long AtAttemptCap, Uri StatusQueryGetUri);
