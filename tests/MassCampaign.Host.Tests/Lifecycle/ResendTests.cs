using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>POST /resend and settings.retry: new attempts for chosen outcomes, under the blacklist and the attempt cap.</summary>
public sealed class ResendTests(DefaultSendingFixture fixture) : IClassFixture<DefaultSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Resend_of_failed_recipients_reopens_a_completed_campaign_and_sends_each_once_more()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 5);
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "the campaign completes");
        var (failed, optedOut, capped) = (campaign.Phones[0], campaign.Phones[1], campaign.Phones[2]);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, failed, "failed", "6", attempt: 1, wasSent: true);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, optedOut, "failed", "6", attempt: 1, wasSent: true);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, capped, "failed", "6", attempt: 10, wasSent: true);
        (await Lifecycle.Client.PostAsJsonAsync("/api/blacklist", new { phone = optedOut })).Dispose();

        using var response = await ResendAsync(campaign.Id, "failed");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK && s.RuntimeStatus == "Completed", "the resend completes");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((2, 1L), (body.GetProperty("reopened").GetInt32(), body.GetProperty("atAttemptCap").GetInt64()));
        var counts = Lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.Equal(2, counts[failed]);
        Assert.Equal(1, counts[optedOut]);
        Assert.Equal(1, counts[capped]);
        Assert.All(campaign.Phones.Skip(3), phone => Assert.Equal(1, counts[phone]));
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.Equal(("sent", "skipped_blacklisted", "failed"), (statuses[failed], statuses[optedOut], statuses[capped]));
        Assert.Equal(0, done.Count("pending"));
    }

    [Fact]
    public async Task Resend_names_the_statuses_it_cannot_take_and_refuses_a_campaign_that_has_not_run()
    {
        var draft = await Lifecycle.Seed.SmsCampaignAsync(recipients: 1);

        using var wrong = await ResendAsync(draft.Id, "delivered", "noAnswer");
        using var none = await ResendAsync(draft.Id);
        using var notRun = await ResendAsync(draft.Id, "failed");
        using var unknown = await ResendAsync(Guid.NewGuid(), "failed");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("'delivered', 'noanswer' cannot be resent", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_retry_sends_again_a_recipient_whose_receipt_failed_with_a_passing_error_and_no_other()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 5);
        await Lifecycle.Seed.SetSettingsAsync(campaign.Id, """{"retry": {"maxAttempts": 2, "afterMinutes": 0.02}}""");
        var (busy, spam, spent) = (campaign.Phones[0], campaign.Phones[1], campaign.Phones[2]);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, busy, "failed", "7", attempt: 1, wasSent: true);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, spam, "failed", "6", attempt: 1, wasSent: true);
        await Lifecycle.Seed.SetOutcomeAsync(campaign.Id, spent, "failed", "7", attempt: 2, wasSent: true);

        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        var counts = Lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.Equal(1, counts.GetValueOrDefault(busy));
        Assert.Equal(0, counts.GetValueOrDefault(spam));
        Assert.Equal(0, counts.GetValueOrDefault(spent));
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.Equal(("sent", "failed", "failed"), (statuses[busy], statuses[spam], statuses[spent]));
    }

    private Task<HttpResponseMessage> ResendAsync(Guid campaignId, params string[] statuses) =>
        Lifecycle.Client.PostAsJsonAsync($"/api/campaigns/{campaignId}/resend", new { statuses });
}
