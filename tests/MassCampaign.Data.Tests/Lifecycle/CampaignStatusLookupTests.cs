using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Lifecycle;

/// <summary>What a type gate learns about its holders: each campaign's status, and silence for one that is gone.</summary>
public sealed class CampaignStatusLookupTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private CampaignStatusLookup Lookup => new(Database.DataSource);

    [Fact]
    public async Task Each_campaign_is_answered_with_its_status_and_a_missing_one_is_left_out()
    {
        var running = await Seed.CampaignAsync("Running", status: "running");
        var completed = await Seed.CampaignAsync("Completed", status: "completed");
        var missing = Guid.NewGuid();

        var statuses = await Lookup.StatusesAsync([running, completed, missing], default);

        Assert.Equal(CampaignStatus.Running, statuses[running]);
        Assert.Equal(CampaignStatus.Completed, statuses[completed]);
        Assert.False(statuses.ContainsKey(missing));
    }

    [Fact]
    public async Task No_ids_ask_nothing()
    {
        Assert.Empty(await Lookup.StatusesAsync([], default));
    }
}
