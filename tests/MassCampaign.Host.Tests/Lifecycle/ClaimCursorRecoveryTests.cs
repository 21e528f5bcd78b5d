using MassCampaign.Domain.Recipients;
using System.Net;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// Claims read each zone from a cursor. Should a cursor ever stand past recipients still pending, the campaign does not
/// end with them unsent or idle forever: it notices that nothing is due while recipients are pending, and claims from
/// the start again.
/// </summary>
public sealed class ClaimCursorRecoveryTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Recipients_pending_behind_the_claim_cursors_are_still_sent_once_each()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 12);
        await Lifecycle.Seed.CursorsPastEveryRecipientAsync(campaign.Id);

        (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.All(campaign.Phones, phone => Assert.Equal(1, Lifecycle.SentTo([phone])));
        Assert.All((await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id)).Values, status => Assert.Equal("sent", status));
    }
}
