using System.Collections.Concurrent;
using System.Diagnostics;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>
/// Listens, as a tracing exporter would, to our spans, Orleans' grain-call spans and ASP.NET Core's request spans, and
/// keeps every one that ends. The listener is the process's: spans of other tests' hosts come too, so tests pick theirs
/// by campaign id or trace id.
/// </summary>
public sealed class RecordedActivities : IDisposable
{
    private static readonly string[] Sources = [MassCampaignTelemetry.Name, "Microsoft.Orleans.Application", "Microsoft.AspNetCore"];

    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;

    public RecordedActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Ended => [.. _ended];

    /// <summary>Our spans of one campaign with this name.</summary>
    public IReadOnlyList<Activity> OfCampaign(string name, Guid campaignId) =>
        [.. Ended.Where(a => a.OperationName == name && a.GetTagItem(MassCampaignTelemetry.CampaignIdTag) as string == campaignId.ToString())];

    public void Dispose() => _listener.Dispose();
}
