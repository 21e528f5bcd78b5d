using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>The send path's limits as the host under test reads them from the repository's host.json.</summary>
public static class SendPathLimits
{
    /// <summary>
    /// Requests that can be out at once: maxBatchesInFlight × requestsInFlightPerBatch. Only these may be cut off
    /// between leaving and being answered, so only these may be ambiguous after a crash.
    /// </summary>
    public static int RequestsInFlight()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(HostBinary.RepositoryRoot, "host.json")));
        var sendPath = hostJson.RootElement.GetProperty("massCampaign").GetProperty("sendPath");
        return sendPath.GetProperty("maxBatchesInFlight").GetInt32() * sendPath.GetProperty("requestsInFlightPerBatch").GetInt32();
    }
}
