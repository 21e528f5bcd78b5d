using System.Net;
using System.Net.Http.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// An error about the whole provider account pauses the campaign with the provider's reason instead of failing
/// recipients; once the fault clears, resume sends each recipient left exactly once.
/// </summary>
public sealed class AccountErrorTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task A_quota_violation_from_the_start_pauses_the_campaign_with_nothing_sent_and_resume_sends_everyone_once()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 20);
        await ConfigureSimulatorAsync(new { accountError = 9 });
        try
        {
            (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
            var paused = await Lifecycle.WaitForStatusAsync(
                campaign.Id, s => s.RuntimeStatus == "Suspended" && s.Count("sending") == 0, "the campaign pauses");

            Assert.Contains("Partner Quota Violation", paused.Custom.GetProperty("reason").GetString());
            Assert.Equal("paused", await Lifecycle.Seed.CampaignRowStatusAsync(campaign.Id));
            Assert.Equal(0, Lifecycle.SentTo(campaign));
            Assert.True(Lifecycle.Simulator.GetStats().AccountErrors > 0, "the Simulator refused the account");
            Assert.All((await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id)).Values, status => Assert.Equal("pending", status));
        }
        finally
        {
            await ConfigureSimulatorAsync(new { accountError = (int?)null });
        }

        await ResumeAndCompleteAsync(campaign);
    }

    [Fact]
    public async Task A_quota_violation_mid_campaign_pauses_it_keeps_what_was_sent_and_resume_sends_the_rest_once()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 60);
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Eventually.Until(() => Task.FromResult(Lifecycle.SentTo(campaign)), sent => sent >= 10, "ten SMS went out");

        long sentBefore;
        await ConfigureSimulatorAsync(new { accountError = 9 });
        try
        {
            var paused = await Lifecycle.WaitForStatusAsync(
                campaign.Id, s => s.RuntimeStatus == "Suspended" && s.Count("sending") == 0, "the campaign pauses");
            sentBefore = Lifecycle.SentTo(campaign);

            Assert.Contains("Partner Quota Violation", paused.Custom.GetProperty("reason").GetString());
            Assert.True(sentBefore < 60, "the fault came while the campaign was sending");
            var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
            Assert.Equal(sentBefore, statuses.Values.Count(status => status == "sent"));
            Assert.Equal(60 - sentBefore, statuses.Values.Count(status => status == "pending"));
        }
        finally
        {
            await ConfigureSimulatorAsync(new { accountError = (int?)null });
        }

        await ResumeAndCompleteAsync(campaign);
    }

    private async Task ResumeAndCompleteAsync(SeededCampaign campaign)
    {
        using (var resume = await Lifecycle.CommandAsync(campaign.Id, "resume"))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the resumed campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        var counts = Lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.All(campaign.Phones, phone => Assert.Equal(1, counts.GetValueOrDefault(phone)));
        Assert.All((await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id)).Values, status => Assert.Equal("sent", status));
    }

    private async Task ConfigureSimulatorAsync(object knobs)
    {
        using var simulator = new HttpClient { BaseAddress = Lifecycle.Simulator.BaseAddress };
        using var response = await simulator.PostAsJsonAsync("_sim/config", knobs);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
