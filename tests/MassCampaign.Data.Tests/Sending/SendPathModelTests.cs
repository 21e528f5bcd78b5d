using CsCheck;
using MassCampaign.Data.Tests.Sending.Model;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// The send path's SQL against a model, over random interleavings of claims, handovers, outcomes, pauses, crashes,
/// receipts, STOPs and unknown resolutions, each run on a campaign of its own and then driven to completion.
/// </summary>
public sealed class SendPathModelTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Any_interleaving_sends_each_recipient_once_loses_none_and_keeps_the_tally()
    {
        // One thread: the receipt sweep reads the whole database, so runs in parallel would settle each other's receipts.
        await SendPathCase.Any.SampleAsync(async run =>
        {
            var harness = await SendPathHarness.StartAsync(database.DataSource, run);
            foreach (var step in run.Steps)
            {
                await harness.RunAsync(step);
            }

            await harness.DriveToCompletionAsync();
        }, iter: 100, threads: 1, print: run => run.ToString());
    }
}
