using MassCampaign.Domain.Recipients;
using System.Net;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>What the engine cannot recover from fails the campaign with a reason, frees its slot and cancels what is left.</summary>
public sealed class CampaignFailureTests
{
    [Fact]
    public async Task A_template_that_cannot_be_used_fails_the_campaign_before_anything_is_sent()
    {
        await using var lifecycle = await LifecycleHost.StartAsync(new Dictionary<string, string?>());
        var campaign = await lifecycle.Seed.SmsCampaignAsync(recipients: 3, template: "Hello {{favourite_colour}}");

        (await lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var failed = await lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign ends");

        Assert.Equal("Failed", failed.RuntimeStatus);
        Assert.StartsWith("The SMS template cannot be used", failed.Custom.GetProperty("reason").GetString());
        Assert.Equal(3, failed.Count("cancelled"));
        Assert.Equal(0, lifecycle.SentTo(campaign));
        Assert.Equal("failed", await lifecycle.Seed.CampaignRowStatusAsync(campaign.Id));
    }

    [Fact]
    public async Task Rejected_provider_credentials_pause_the_campaign_with_the_reason_and_fail_no_recipient()
    {
        await using var lifecycle = await LifecycleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Vonage:ApiSecret"] = "not-the-secret",
        });
        var campaign = await lifecycle.Seed.SmsCampaignAsync(recipients: 8);

        (await lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var paused = await lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Suspended", "the campaign pauses");

        Assert.StartsWith("Vonage refused the account", paused.Custom.GetProperty("reason").GetString());
        Assert.Equal(0, lifecycle.SentTo(campaign));
        var statuses = await lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.All(statuses.Values, status => Assert.Equal("pending", status));
    }
}
