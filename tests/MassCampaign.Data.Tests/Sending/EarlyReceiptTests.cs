using MassCampaign.Data.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>A delivery receipt can reach the webhook before the engine has written the send it reports on.</summary>
public sealed class EarlyReceiptTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task A_delivered_receipt_stored_before_the_send_was_recorded_delivers_the_recipient()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Seed.UnmatchedReceiptAsync("E-1", claimed.ClientRef, "delivered", "0", 0.0333m);

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart("E-1", 0, 0.0333m))], default);

        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.Equal("delivered", await Seed.ScalarAsync<string>("SELECT status FROM sms_message_parts WHERE provider_message_id = 'E-1'"));
        Assert.Equal("delivered", await Seed.ScalarAsync<string>("SELECT status FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef)));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = 'E-1'"));
    }

    [Fact]
    public async Task An_early_failure_receipt_without_a_client_ref_is_matched_by_its_part_id()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Seed.UnmatchedReceiptAsync("E-2", clientRef: null, "failed", "6");

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart("E-2", 0, null))], default);

        var state = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("failed", "6"), (state.Status, state.ErrorCode));
    }

    [Fact]
    public async Task A_long_message_is_delivered_only_when_every_part_is()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Seed.UnmatchedReceiptAsync("E-3a", claimed.ClientRef, "delivered");

        await Repository.RecordOutcomesAsync(
            [TestOutcomes.Accepted(claimed, campaign, new SentPart("E-3a", 0, null), new SentPart("E-3b", 1, null))], default);

        Assert.Equal("sent", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.Equal("delivered", await Seed.ScalarAsync<string>("SELECT status FROM sms_message_parts WHERE provider_message_id = 'E-3a'"));
    }

    [Fact]
    public async Task An_early_receipt_carrying_the_client_ref_settles_an_ambiguous_send()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Seed.UnmatchedReceiptAsync("E-4", claimed.ClientRef, "delivered", price: 0.05m);

        await Repository.RecordOutcomesAsync([TestOutcomes.Ambiguous(claimed, campaign, "timed out")], default);

        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.Equal("delivered", await Seed.ScalarAsync<string>(
            """
            SELECT m.status FROM sms_messages m JOIN sms_message_parts p ON p.sms_message_id = m.id
            WHERE p.provider_message_id = 'E-4' AND m.client_ref = @ref
            """,
            ("ref", claimed.ClientRef)));
    }

    [Fact]
    public async Task Receipts_of_other_messages_stay_unmatched()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Seed.UnmatchedReceiptAsync("E-5-other", "999999-1", "delivered");

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart("E-5", 0, null))], default);

        Assert.Equal("sent", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.False(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = 'E-5-other'"));
    }
}
