using System.Collections.Concurrent;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Vonage;

/// <summary>What each request to Vonage cost: its wait for a rate token, and its answer, outcome and code, with the time it took.</summary>
internal static class ProviderMetrics
{
    // Outcome names as label values, in the snake case Prometheus labels use: PartiallyAccepted → partially_accepted.
    private static readonly ConcurrentDictionary<string, string> LabelOf = new(StringComparer.Ordinal);

    public static void RateLimitWaited(string channel, TimeSpan waited) =>
        CampaignMetrics.RateLimitWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    /// <param name="code">Vonage's status, an HTTP status as "http-NNN", or why no answer came; null when none applies.</param>
    public static void Answered(string channel, string outcome, string? code, TimeSpan took)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", LabelOf.GetOrAdd(outcome, SnakeCase));
        CampaignMetrics.ProviderRequests.Add(1, channelTag, outcomeTag, new KeyValuePair<string, object?>("code", code ?? "none"));
        CampaignMetrics.ProviderDuration.Record(took.TotalSeconds, channelTag, outcomeTag);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
