using System.Net;
using System.Net.Http.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// A number that opts out while its campaign sends (a STOP through the provider, or an operator's blacklist entry)
/// gets no campaign SMS once the opt-out was acknowledged, even when it was already claimed.
/// </summary>
public sealed class OptOutDuringSendingTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task A_stop_or_a_blacklist_entry_during_sending_keeps_the_campaign_sms_from_that_number()
    {
        // 100 recipients at 20 SMS/s: five seconds of sending, claimed about a second ahead.
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 100);
        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var sent = (int)await Eventually.Until(() => Task.FromResult(Lifecycle.SentTo(campaign)), n => n >= 15, "fifteen SMS went out");

        // Right behind the last one sent (claimed, or about to be), and far ahead (not claimed yet).
        string[] stops = [.. new[] { 2, 4, 7, 10, 60, 75, 90 }.Select(ahead => campaign.Phones[Math.Min(sent + ahead, 99)]).Distinct()];
        string[] blacklisted = [campaign.Phones[Math.Min(sent + 5, 99)], campaign.Phones[85]];
        var acknowledged = new Dictionary<string, DateTimeOffset>();
        foreach (var phone in stops)
        {
            await Lifecycle.InboundSmsAsync(phone, "STOP");
            acknowledged[phone] = TimeProvider.System.GetUtcNow();
        }

        foreach (var phone in blacklisted)
        {
            using var response = await Lifecycle.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "asked by phone" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged[phone] = TimeProvider.System.GetUtcNow();
        }

        Assert.True(Lifecycle.SentTo(campaign) < 85, "the opt-outs came while the campaign was still sending");
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        foreach (var (phone, at) in acknowledged)
        {
            var campaignSms = Lifecycle.ReceivedBy(phone).Where(sms => sms.Text.StartsWith("Hello ", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(campaignSms, sms => sms.ReceivedAt > at);
            Assert.True(campaignSms.Count <= 1, $"{phone} got the campaign SMS {campaignSms.Count} times");
            Assert.Equal(campaignSms.Count == 0 ? "skipped_blacklisted" : "sent", statuses[phone]);
        }

        Assert.All(new[] { stops[^3..], [blacklisted[1]] }.SelectMany(far => far), phone => Assert.Equal("skipped_blacklisted", statuses[phone]));
        foreach (var phone in stops)
        {
            var confirmations = await Eventually.Until(
                () => Task.FromResult(Lifecycle.ReceivedBy(phone).Where(sms => sms.Text.StartsWith("You are unsubscribed", StringComparison.Ordinal)).ToList()),
                answers => answers.Count >= 1, $"{phone} gets its opt-out confirmation");
            Assert.Single(confirmations);
        }

        var others = campaign.Phones.Except(acknowledged.Keys).ToArray();
        Assert.All(others, phone => Assert.Equal(1, Lifecycle.Simulator.GetStats().SmsByRecipient.GetValueOrDefault(phone)));
        Assert.All(others, phone => Assert.Equal("sent", statuses[phone]));
    }
}
