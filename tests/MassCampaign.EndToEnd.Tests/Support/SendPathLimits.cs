using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>The send path's limits as the host under test reads them from the repository's host.json.</summary>
public static class SendPathLimits
{
    // OutcomeJournal writes a batch's answered outcomes in chunks of this many (or every 250 ms).
    private const int OutcomesPerChunk = 128;

    /// <summary>
    /// How many of the recipients a crash cuts off may be left without a known outcome, by the send path's design,
    /// for each of maxBatchesInFlight batches: the requestsInFlightPerBatch requests out, the up to one fewer positions
    /// the handover mark covers ahead of them (see HandoverJournal), and the answered outcomes waiting for their chunk.
    /// Everything else a batch claimed is past its mark and released unsent.
    /// </summary>
    public static int AmbiguousAfterCrash()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(HostBinary.RepositoryRoot, "host.json")));
        var sendPath = hostJson.RootElement.GetProperty("massCampaign").GetProperty("sendPath");
        var perBatch = sendPath.GetProperty("requestsInFlightPerBatch").GetInt32();
        return sendPath.GetProperty("maxBatchesInFlight").GetInt32() * (perBatch + (perBatch - 1) + OutcomesPerChunk);
    }
}
