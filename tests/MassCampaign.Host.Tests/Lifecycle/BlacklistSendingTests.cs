using MassCampaign.Domain.Recipients;
using System.Net;
using System.Net.Http.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>A blacklisted number is never sent, whether it was blacklisted before the start or while the campaign ran.</summary>
public sealed class BlacklistSendingTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Numbers_blacklisted_before_the_start_are_skipped_and_never_sent()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 10);
        var blocked = new[] { campaign.Phones[0], campaign.Phones[4], campaign.Phones[9] };
        foreach (var phone in blocked)
        {
            await BlacklistAsync(phone);
        }

        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(0, Lifecycle.SentTo(blocked));
        Assert.Equal(7, Lifecycle.SentTo(campaign));
        Assert.Equal(3, done.Body.GetProperty("output").GetProperty("skipped").GetInt64());
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.All(blocked, phone => Assert.Equal("skipped_blacklisted", statuses[phone]));
    }

    [Fact]
    public async Task Numbers_blacklisted_while_the_campaign_runs_are_never_sent()
    {
        // Claims go in recipient order, five at a time at 20 SMS/s: the last ten are seconds away when blacklisted.
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 80);
        var blocked = campaign.Phones.TakeLast(10).ToArray();
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Eventually.Until(() => Task.FromResult(Lifecycle.SentTo(campaign)), sent => sent >= 1, "the first SMS went out");

        await Task.WhenAll(blocked.Select(BlacklistAsync));

        Assert.True(Lifecycle.SentTo(campaign) < 70, "the blacklist came while the campaign was still going");
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(0, Lifecycle.SentTo(blocked));
        Assert.Equal(70, Lifecycle.SentTo(campaign));
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.All(blocked, phone => Assert.Equal("skipped_blacklisted", statuses[phone]));
    }

    private async Task BlacklistAsync(string phone)
    {
        using var response = await Lifecycle.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "lifecycle test" });
        Assert.True(response.IsSuccessStatusCode, $"blacklisting {phone} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
