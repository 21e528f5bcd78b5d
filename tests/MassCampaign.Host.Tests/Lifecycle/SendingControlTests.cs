using MassCampaign.Domain.Recipients;
using System.Net;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>What pause, resume, stop and completion do to the sends the Simulator sees.</summary>
public sealed class SendingControlTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task A_campaign_completes_once_every_recipient_is_terminal_and_each_got_one_sms()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 12);

        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal("completed", done.Phase);
        Assert.Null(done.RetryAfter);
        var output = done.Body.GetProperty("output");
        Assert.Equal(12, output.GetProperty("total").GetInt64());
        Assert.Equal(12, output.GetProperty("sent").GetInt64());
        var counts = Lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.All(campaign.Phones, phone => Assert.Equal(1, counts.GetValueOrDefault(phone)));
        Assert.All((await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id)).Values, status => Assert.Equal("sent", status));
        Assert.Equal("completed", await Lifecycle.Seed.CampaignRowStatusAsync(campaign.Id));
    }

    [Fact]
    public async Task No_request_starts_after_the_202_of_a_pause_and_resume_carries_on()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 60);
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Eventually.Until(() => Task.FromResult(Lifecycle.SentTo(campaign)), sent => sent >= 10, "ten SMS went out");

        using (var pause = await Lifecycle.CommandAsync(campaign.Id, "pause"))
        {
            Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        }

        var atPause = Lifecycle.Simulator.GetStats().TotalSms;
        var paused = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Count("sending") == 0, "the batch out at the pause is back");
        await Task.Delay(1_500);

        Assert.Equal("Suspended", paused.RuntimeStatus);
        Assert.Equal(atPause, Lifecycle.Simulator.GetStats().TotalSms);
        Assert.True(atPause < 60, "the pause came before the end of the campaign");
        Assert.All((await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id)).Values, status => Assert.Contains(status, new[] { "sent", "pending" }));

        (await Lifecycle.CommandAsync(campaign.Id, "resume")).Dispose();
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "the resumed campaign completes");

        Assert.Equal(60, done.Body.GetProperty("output").GetProperty("sent").GetInt64());
        var counts = Lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.All(campaign.Phones, phone => Assert.Equal(1, counts.GetValueOrDefault(phone)));
    }

    [Fact]
    public async Task Stop_cancels_every_recipient_not_yet_sent()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 60);
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Eventually.Until(() => Task.FromResult(Lifecycle.SentTo(campaign)), sent => sent >= 5, "the first SMS went out");

        (await Lifecycle.CommandAsync(campaign.Id, "stop")).Dispose();
        var stopped = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the stop settles");
        var sentAtEnd = Lifecycle.SentTo(campaign);
        await Task.Delay(500);

        Assert.Equal("Terminated", stopped.RuntimeStatus);
        Assert.Equal(sentAtEnd, Lifecycle.SentTo(campaign));
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.All(statuses.Values, status => Assert.Contains(status, new[] { "sent", "cancelled" }));
        Assert.Equal(sentAtEnd, statuses.Values.Count(status => status == "sent"));
        Assert.True(statuses.Values.Count(status => status == "cancelled") > 0, "some recipients were left to cancel");
        var output = stopped.Body.GetProperty("output");
        Assert.Equal(60 - sentAtEnd, output.GetProperty("cancelled").GetInt64());
    }
}
