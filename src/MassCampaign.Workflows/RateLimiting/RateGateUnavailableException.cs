namespace MassCampaign.Workflows.RateLimiting;

/// <summary>The cluster rate gate could not be reached. Thrown before a request is sent, so the SMS certainly did not go.</summary>
public sealed class RateGateUnavailableException(string message, Exception inner) : Exception(message, inner);
