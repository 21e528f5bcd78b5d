using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

public sealed class RecoveryAndProgressTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task Recovery_marks_handed_over_recipients_unknown_and_puts_the_rest_of_the_batch_back_to_pending()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 5);
        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 3, Now, default);
        await Repository.MarkHandedAsync(claimed[0].BatchId, 1, default);
        var elsewhere = await Seed.CampaignAsync("Other");
        var otherSending = await Seed.RecipientAsync(elsewhere);
        await Seed.SetStatusAsync(otherSending.Id, "sending");

        var recovered = await Repository.RecoverInterruptedAsync(campaign, TimeSpan.FromMinutes(15), default);

        Assert.Equal(new InterruptedSends(Released: 2, Unknown: 1), recovered);
        var interrupted = await Seed.ReadAsync(recipients[0].Id);
        Assert.Equal(("unknown", 1, Now), (interrupted.Status, interrupted.Attempt, interrupted.FinishedAt));
        Assert.StartsWith("interrupted:", interrupted.Outcome);
        var released = await Seed.ReadAsync(recipients[1].Id);
        Assert.Equal(("pending", 0), (released.Status, released.Attempt));
        Assert.StartsWith("released:", released.Outcome);
        Assert.Equal("pending", (await Seed.ReadAsync(recipients[2].Id)).Status);
        Assert.Equal("pending", (await Seed.ReadAsync(recipients[3].Id)).Status);
        Assert.Equal("sending", (await Seed.ReadAsync(otherSending.Id)).Status);
        var progress = await Repository.GetProgressAsync(campaign, default);
        Assert.Equal((1L, 1L), (progress.Unknown, progress.UnknownUnresolved));
        var next = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default);
        Assert.Equal([recipients[1].Id, recipients[2].Id, recipients[3].Id, recipients[4].Id], next.Select(r => r.RecipientId).Order());
        // Its first attempt never left, so the client-ref it is sent under is the one it was first claimed with.
        Assert.Equal(claimed[1].ClientRef, next.Single(r => r.RecipientId == recipients[1].Id).ClientRef);
    }

    [Fact]
    public async Task A_batch_recovery_took_over_can_hand_nothing_more_to_the_provider()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 3);
        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 3, Now, default);
        Assert.True(await Repository.MarkHandedAsync(claimed[0].BatchId, 1, default));

        await Repository.RecoverInterruptedAsync(campaign, TimeSpan.FromMinutes(15), default);

        Assert.False(await Repository.MarkHandedAsync(claimed[0].BatchId, 2, default));
    }

    [Fact]
    public async Task Stop_cancels_what_is_pending_or_deferred_and_leaves_finished_recipients_alone()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 4);
        await Seed.SetStatusAsync(recipients[1].Id, "deferred");
        await Seed.SetStatusAsync(recipients[2].Id, "sent");
        await Seed.SetNextAttemptAsync(recipients[3].Id, Now.AddMinutes(10));

        Assert.Equal(3, await Repository.CancelRemainingAsync(campaign, default));

        Assert.Equal(
            ["cancelled", "cancelled", "sent", "cancelled"],
            await Task.WhenAll(recipients.Select(async r => (await Seed.ReadAsync(r.Id)).Status)));
        Assert.Null(await Repository.NextRetryDueAsync(campaign, Now, default));
        Assert.True((await Repository.GetProgressAsync(campaign, default)).IsFinished);
    }

    [Fact]
    public async Task Progress_folds_every_status_into_its_outcome()
    {
        var campaign = await Seed.CampaignAsync();
        var statuses = new[]
        {
            "pending", "pending", "sending", "deferred", "sent", "delivered", "delivered", "failed", "expired",
            "rejected", "skipped_blacklisted", "skipped_invalid", "unknown", "cancelled",
        };
        var recipients = await Seed.RecipientsAsync(campaign, statuses.Length);
        foreach (var (recipient, status) in recipients.Zip(statuses))
        {
            await Seed.SetStatusAsync(recipient.Id, status);
        }

        var progress = await Repository.GetProgressAsync(campaign, default);

        Assert.Equal(
            new RecipientTally(Total: 14, Pending: 2, Sending: 1, Deferred: 1, Sent: 1, Delivered: 2, Failed: 3,
                Skipped: 2, Unknown: 1, Cancelled: 1),
            progress);
        Assert.False(progress.IsFinished);
    }

    [Fact]
    public async Task Progress_of_a_campaign_without_recipients_is_all_zero_and_finished()
    {
        var progress = await Repository.GetProgressAsync(await Seed.CampaignAsync(), default);

        Assert.Equal(0L, progress.Total);
        Assert.True(progress.IsFinished);
    }

    [Fact]
    public async Task Next_retry_due_is_the_earliest_retry_still_in_the_future()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 4);
        await Seed.SetNextAttemptAsync(recipients[0].Id, Now.AddMinutes(-5));
        await Seed.SetNextAttemptAsync(recipients[1].Id, Now.AddMinutes(7));
        await Seed.SetNextAttemptAsync(recipients[2].Id, Now.AddMinutes(3));
        await Seed.SetNextAttemptAsync(recipients[3].Id, Now.AddMinutes(1));
        await Seed.SetStatusAsync(recipients[3].Id, "cancelled");

        Assert.Equal(Now.AddMinutes(3), await Repository.NextRetryDueAsync(campaign, Now, default));
        Assert.Null(await Repository.NextRetryDueAsync(campaign, Now.AddMinutes(7), default));
    }
}
