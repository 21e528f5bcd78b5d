using MassCampaign.Data.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// A fresh migrated database per test class; every test makes its own campaign and numbers, so tests of a class
/// never see each other's rows.
/// </summary>
public abstract class SendPathTestBase(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    protected static readonly DateTimeOffset Now = new(2025, 6, 2, 15, 0, 0, TimeSpan.Zero);

    protected static readonly string[] NewYork = ["America/New_York"];

    private protected FixedTimeProvider Clock { get; } = new(Now);

    private protected SendPathSeed Seed { get; } = new(database.DataSource);

    protected PostgresDatabase Database { get; } = database;

    protected SendPathRepository Repository => new(Database.DataSource, Clock);

    /// <summary>A new campaign with one recipient, claimed: the starting point of every outcome test.</summary>
    protected async Task<(Guid Campaign, ClaimedRecipient Claimed)> ClaimOneAsync()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientAsync(campaign);
        return (campaign, Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default)));
    }
}
