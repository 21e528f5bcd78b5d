using MassCampaign.Data.Sending;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Sending;

public sealed class ClaimBatchTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task Claim_takes_only_recipients_whose_zone_is_open()
    {
        var campaign = await Seed.CampaignAsync();
        var eastern = await Seed.RecipientsAsync(campaign, 3, "America/New_York");
        var pacific = await Seed.RecipientsAsync(campaign, 2, "America/Los_Angeles");
        var both = await Seed.RecipientAsync(campaign, "America/Los_Angeles|America/New_York");

        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 100, Now, default);

        Assert.Equal(eastern.Select(r => r.Id), claimed.Select(c => c.RecipientId));
        foreach (var waiting in pacific.Append(both))
        {
            Assert.Equal("pending", (await Seed.ReadAsync(waiting.Id)).Status);
        }

        Assert.Empty(await Repository.ClaimBatchAsync(campaign, [], 100, Now, default));
    }

    [Fact]
    public async Task Claim_waits_for_a_retry_until_it_is_due()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 3);
        await Seed.SetNextAttemptAsync(recipients[0].Id, Now.AddMinutes(5));
        await Seed.SetNextAttemptAsync(recipients[1].Id, Now.AddSeconds(-1));

        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 100, Now, default);
        Assert.Equal([recipients[1].Id, recipients[2].Id], claimed.Select(c => c.RecipientId));

        var later = await Repository.ClaimBatchAsync(campaign, NewYork, 100, Now.AddMinutes(5), default);
        Assert.Equal([recipients[0].Id], later.Select(c => c.RecipientId));
    }

    [Fact]
    public async Task Blacklisted_recipients_end_skipped_and_are_never_returned()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 4);
        await Seed.BlacklistAsync(recipients[1].Phone);
        await Seed.BlacklistAsync(recipients[3].Phone);

        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 100, Now, default);

        Assert.Equal([recipients[0].Id, recipients[2].Id], claimed.Select(c => c.RecipientId));
        var skipped = await Seed.ReadAsync(recipients[1].Id);
        Assert.Equal(("skipped_blacklisted", 0, "blacklisted", Now), (skipped.Status, skipped.Attempt, skipped.Outcome, skipped.FinishedAt));
        Assert.Equal("skipped_blacklisted", (await Seed.ReadAsync(recipients[3].Id)).Status);
        Assert.Empty(await Repository.ClaimBatchAsync(campaign, NewYork, 100, Now, default));
    }

    [Fact]
    public async Task Claim_moves_recipients_to_sending_under_a_new_attempt_with_a_fresh_client_ref()
    {
        var campaign = await Seed.CampaignAsync();
        var recipient = await Seed.RecipientAsync(campaign);

        var first = Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));
        var state = await Seed.ReadAsync(recipient.Id);
        Assert.Equal(("sending", 1), (state.Status, state.Attempt));
        Assert.Equal($"{recipient.Id}-1", first.ClientRef);

        await Repository.RecordOutcomesAsync([TestOutcomes.Retry(first, campaign, retryAt: null)], default);
        var second = Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));

        Assert.Equal(2, second.Attempt);
        Assert.Equal($"{recipient.Id}-2", second.ClientRef);
    }

    [Fact]
    public async Task Claim_takes_the_lowest_ids_first_and_no_more_than_the_limit()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 7);

        var first = await Repository.ClaimBatchAsync(campaign, NewYork, 3, Now, default);
        var second = await Repository.ClaimBatchAsync(campaign, NewYork, 3, Now, default);

        Assert.Equal(recipients.Take(3).Select(r => r.Id), first.Select(c => c.RecipientId));
        Assert.Equal(recipients.Skip(3).Take(3).Select(r => r.Id), second.Select(c => c.RecipientId));
    }

    [Fact]
    public async Task Claim_does_not_touch_recipients_of_another_campaign()
    {
        var campaign = await Seed.CampaignAsync();
        var other = await Seed.CampaignAsync("Other");
        var mine = await Seed.RecipientAsync(campaign);
        var theirs = await Seed.RecipientAsync(other);

        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default);

        Assert.Equal([mine.Id], claimed.Select(c => c.RecipientId));
        Assert.Equal("pending", (await Seed.ReadAsync(theirs.Id)).Status);
    }

    [Fact]
    public async Task Claim_returns_what_the_template_needs_from_the_contact()
    {
        var campaign = await Seed.CampaignAsync();
        var recipient = (await Seed.RecipientsAsync(
            campaign, 1, "America/New_York", """{"city": "Boston", "visits": 3, "vip": true, "note": null}"""))[0];

        var claimed = Assert.Single(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));

        Assert.Equal((recipient.Id, recipient.ContactId, recipient.Phone), (claimed.RecipientId, claimed.ContactId, claimed.PhoneE164));
        Assert.Equal(("Ada1", "Lovelace1", "America/New_York", "America/New_York"),
            (claimed.FirstName, claimed.LastName, claimed.TimeZone, claimed.ZoneKey));
        Assert.Equal(
            new Dictionary<string, string> { ["city"] = "Boston", ["visits"] = "3", ["vip"] = "true" },
            claimed.Attributes);
    }

    [Fact]
    public async Task Claim_skips_rows_another_transaction_holds_instead_of_waiting()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 5);

        await using var other = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand(
                         "SELECT id FROM campaign_recipients WHERE id = ANY(@ids) FOR UPDATE", other, transaction))
        {
            hold.Parameters.AddWithValue("ids", new[] { recipients[0].Id, recipients[1].Id });
            await hold.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, timeout.Token);

        Assert.Equal(recipients.Skip(2).Select(r => r.Id), claimed.Select(c => c.RecipientId));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Concurrent_claims_on_two_connections_never_return_the_same_recipient()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 2_000);
        foreach (var blacklisted in recipients.Where((_, i) => i % 50 == 0))
        {
            await Seed.BlacklistAsync(blacklisted.Phone);
        }

        async Task<List<long>> ClaimUntilEmptyAsync()
        {
            var taken = new List<long>();
            while (await Repository.ClaimBatchAsync(campaign, NewYork, 37, Now, default) is { Count: > 0 } batch)
            {
                taken.AddRange(batch.Select(c => c.RecipientId));
            }

            return taken;
        }

        var results = await Task.WhenAll(Task.Run(ClaimUntilEmptyAsync), Task.Run(ClaimUntilEmptyAsync));

        Assert.NotEmpty(results[0]);
        Assert.NotEmpty(results[1]);
        Assert.Empty(results[0].Intersect(results[1]));
        var expected = recipients.Where((_, i) => i % 50 != 0).Select(r => r.Id).Order();
        Assert.Equal(expected, results[0].Concat(results[1]).Order());
    }

    [Fact]
    public async Task Simultaneous_claims_of_one_campaign_each_get_a_full_batch()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 200, "America/Chicago");
        string[] open = ["America/Chicago", "America/New_York"];

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Repository.ClaimBatchAsync(campaign, open, 50, Now, default))));

        Assert.All(batches, batch => Assert.Equal(50, batch.Count));
        Assert.Equal(recipients.Select(r => r.Id), batches.SelectMany(b => b).Select(c => c.RecipientId).Order());
    }

    [Fact]
    public async Task Pending_zone_keys_lists_each_zone_with_a_recipient_due_now_once()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 3, "America/New_York");
        await Seed.RecipientsAsync(campaign, 2, "America/Chicago|America/New_York");
        var sent = await Seed.RecipientAsync(campaign, "Europe/Paris");
        await Seed.SetStatusAsync(sent.Id, "sent");
        var waiting = await Seed.RecipientAsync(campaign, "Asia/Tokyo");
        await Seed.SetNextAttemptAsync(waiting.Id, Now.AddMinutes(1));
        await Seed.RecipientAsync(await Seed.CampaignAsync("Other"), "Australia/Sydney");

        var keys = await Repository.PendingZoneKeysAsync(campaign, Now, default);

        Assert.Equal(["America/Chicago|America/New_York", "America/New_York"], keys.Order(StringComparer.Ordinal));
    }
}
