using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Lifecycle;

/// <summary>Which campaigns a starting host wakes: the live ones, and ended ones whose wind-down a crash cut short.</summary>
public sealed class FindUnfinishedTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private CampaignLifecycleRepository Campaigns => new(Database.DataSource);

    [Fact]
    public async Task An_ended_campaign_with_work_left_is_woken_until_its_wind_down_is_stamped()
    {
        var cutShort = await Seed.CampaignAsync("Cut short", status: "stopped");
        await Seed.RecipientAsync(cutShort);
        var woundDown = await Seed.CampaignAsync("Wound down", status: "failed");
        var sent = await Seed.RecipientAsync(woundDown);
        await Seed.SetStatusAsync(sent.Id, "sent");
        await Campaigns.MarkWoundDownAsync(woundDown, Now, default);
        var running = await Seed.CampaignAsync("Running", status: "running");

        var unfinished = await Campaigns.FindUnfinishedAsync(default);

        Assert.Contains(cutShort, unfinished);
        Assert.Contains(running, unfinished);
        Assert.DoesNotContain(woundDown, unfinished);

        await Campaigns.MarkWoundDownAsync(cutShort, Now, default);
        Assert.DoesNotContain(cutShort, await Campaigns.FindUnfinishedAsync(default));
    }

    [Fact]
    public async Task A_change_of_status_clears_the_stamp_so_a_later_end_is_checked_again()
    {
        var campaign = await Seed.CampaignAsync("Failed twice", status: "failed");
        await Campaigns.MarkWoundDownAsync(campaign, Now, default);
        await Seed.RecipientAsync(campaign);

        await Campaigns.SetStatusAsync(campaign, CampaignStatus.Running, null, Now, default);
        await Campaigns.SetStatusAsync(campaign, CampaignStatus.Failed, "again", Now, default);

        Assert.Contains(campaign, await Campaigns.FindUnfinishedAsync(default));
    }
}
