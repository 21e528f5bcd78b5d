using MassCampaign.Data.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

public sealed class RecordOutcomesTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task Accepted_outcome_marks_the_recipient_sent_and_records_the_message_and_its_parts()
    {
        var (campaign, claimed) = await ClaimOneAsync();

        await Repository.RecordOutcomesAsync(
            [TestOutcomes.Accepted(claimed, campaign, new SentPart("P-2", 1, 0.0333m), new SentPart("P-1", 0, 0.0333m))], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("sent", "accepted", "P-1", 2, 0.0666m), (state.Status, state.Outcome, state.ProviderMessageId, state.Segments, state.Price));
        Assert.Equal((Now, Now), (state.SentAt, state.FinishedAt));
        Assert.Equal("accepted|2|0.066600", await Seed.ScalarAsync<string>(
            "SELECT status || '|' || segments || '|' || price FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef)));
        Assert.Equal("P-1:0:accepted,P-2:1:accepted", await Seed.ScalarAsync<string>(
            """
            SELECT string_agg(p.provider_message_id || ':' || p.part_index || ':' || p.status, ',' ORDER BY p.part_index)
            FROM sms_message_parts p JOIN sms_messages m ON m.id = p.sms_message_id WHERE m.client_ref = @ref
            """,
            ("ref", claimed.ClientRef)));
    }

    [Fact]
    public async Task Retry_outcome_puts_the_recipient_back_to_pending_until_its_retry_time()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var retryAt = Now.AddSeconds(30);

        await Repository.RecordOutcomesAsync([TestOutcomes.Retry(claimed, campaign, retryAt)], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("pending", 1, "retry: Throttled", "1", retryAt), (state.Status, state.Attempt, state.Outcome, state.ErrorCode, state.NextAttemptAt));
        Assert.Null(state.FinishedAt);
        Assert.Empty(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));
        Assert.Equal(retryAt, await Repository.NextRetryDueAsync(campaign, Now, default));
        Assert.Equal(0L, await Seed.ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE recipient_id = @id", ("id", claimed.RecipientId)));
    }

    [Fact]
    public async Task Permanent_outcome_fails_the_recipient_with_the_provider_code()
    {
        var (campaign, claimed) = await ClaimOneAsync();

        await Repository.RecordOutcomesAsync([TestOutcomes.Permanent(claimed, campaign, "3", "Invalid to param")], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("failed", "3", "failed: Invalid to param", Now), (state.Status, state.ErrorCode, state.Outcome, state.FinishedAt));
        Assert.Null(state.SentAt);
    }

    [Fact]
    public async Task Ambiguous_outcome_leaves_the_recipient_unknown_with_an_unknown_message_to_reconcile()
    {
        var (campaign, claimed) = await ClaimOneAsync();

        await Repository.RecordOutcomesAsync([TestOutcomes.Ambiguous(claimed, campaign, "timed out after 10 s")], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("unknown", "ambiguous: timed out after 10 s"), (state.Status, state.Outcome));
        Assert.Equal("unknown", await Seed.ScalarAsync<string>(
            "SELECT status FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef)));
        Assert.Empty(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));
    }

    [Fact]
    public async Task Writing_the_same_batch_twice_changes_nothing_the_second_time()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        IReadOnlyList<SendOutcome> batch = [TestOutcomes.Accepted(claimed, campaign, new SentPart("R-1", 0, 0.05m))];

        await Repository.RecordOutcomesAsync(batch, default);
        var first = await Seed.ReadAsync(claimed.RecipientId);
        Clock.Now = Now.AddMinutes(1);
        await Repository.RecordOutcomesAsync(batch, default);

        Assert.Equal(first, await Seed.ReadAsync(claimed.RecipientId));
        Assert.Equal(1L, await Seed.ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE recipient_id = @id", ("id", claimed.RecipientId)));
        Assert.Equal(1L, await Seed.ScalarAsync<long>("SELECT count(*) FROM sms_message_parts WHERE provider_message_id = 'R-1'"));
    }

    [Fact]
    public async Task A_late_outcome_of_an_older_attempt_does_not_touch_the_newer_attempt()
    {
        var (campaign, first) = await ClaimOneAsync();
        var throttled = TestOutcomes.Retry(first, campaign, retryAt: null);
        await Repository.RecordOutcomesAsync([throttled], default);
        var second = Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));

        await Repository.RecordOutcomesAsync([throttled, TestOutcomes.Permanent(first, campaign, "3", "stale")], default);

        var state = await Seed.ReadAsync(second.RecipientId);
        Assert.Equal(("sending", 2), (state.Status, state.Attempt));
    }

    [Fact]
    public async Task A_late_release_of_a_batch_recovery_already_released_leaves_the_next_claim_alone()
    {
        var (campaign, first) = await ClaimOneAsync();
        await Repository.RecoverInterruptedAsync(campaign, TimeSpan.FromMinutes(15), default);
        var second = Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));
        Assert.Equal(first.ClientRef, second.ClientRef);

        await Repository.RecordOutcomesAsync(
            [TestOutcomes.Released(first, campaign)], new BatchSettlement(first.BatchId, TimeSpan.FromMinutes(15)), default);

        var state = await Seed.ReadAsync(second.RecipientId);
        Assert.Equal(("sending", 1), (state.Status, state.Attempt));
    }

    [Fact]
    public async Task The_real_answer_settles_a_recipient_that_recovery_marked_unknown()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        Assert.Equal(1, await Repository.CrashAfterHandoverAsync(campaign, claimed));

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart("L-1", 0, null))], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("sent", "L-1"), (state.Status, state.ProviderMessageId));
    }

    [Fact]
    public async Task A_full_batch_of_mixed_outcomes_is_written_in_one_call()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 500);
        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 500, Now, default);

        var outcomes = claimed.Select((c, i) => (i % 4) switch
        {
            0 => TestOutcomes.Accepted(c, campaign, new SentPart($"M-{c.RecipientId}", 0, 0.04m)),
            1 => TestOutcomes.Retry(c, campaign, Now.AddMinutes(1)),
            2 => TestOutcomes.Permanent(c, campaign, "6", "Invalid message"),
            _ => TestOutcomes.Ambiguous(c, campaign, "connection reset"),
        }).ToList();
        await Repository.RecordOutcomesAsync(outcomes, default);

        var progress = await Repository.GetProgressAsync(campaign, default);
        Assert.Equal((500L, 125L, 125L, 125L, 125L, 0L), (progress.Total, progress.Sent, progress.Pending, progress.Failed, progress.Unknown, progress.Sending));
        Assert.Equal(250L, await Seed.ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE campaign_id = @c", ("c", campaign)));
        Assert.Equal(125L, await Seed.ScalarAsync<long>(
            "SELECT count(*) FROM sms_message_parts p JOIN sms_messages m ON m.id = p.sms_message_id WHERE m.campaign_id = @c", ("c", campaign)));
    }
}
