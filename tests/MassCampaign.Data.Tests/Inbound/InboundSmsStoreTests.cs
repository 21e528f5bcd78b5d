using MassCampaign.Data.Caching;
using MassCampaign.Data.Inbound;
using MassCampaign.Data.Suppression;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;
using StackExchange.Redis;

namespace MassCampaign.Data.Tests.Inbound;

public sealed class InboundSmsStoreTests(PostgresDatabase database) : SendPathTestBase(database), IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2025, 6, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly InboundDecision Reply = new("reply", null);
    private static readonly InboundDecision OptOut = new("opt_out", "STOP", BlacklistChange.Add, ConsentEventTypes.OptOut,
        ConsentEventTypes.StopKeywordSource, new OutboxReply(OutboxKinds.OptOutConfirmation, "You are unsubscribed."));
    private static readonly InboundDecision OptIn = new("opt_in", "START", BlacklistChange.RemoveSelfService, ConsentEventTypes.OptIn,
        ConsentEventTypes.StartKeywordSource, new OutboxReply(OutboxKinds.OptInConfirmation, "You are resubscribed."));

    // Redis outlives test databases: keys of their own keep another run's contact ids out.
    private static readonly ContactPhoneCacheOptions CacheOptions = new() { KeyPrefix = $"test:{Guid.NewGuid():N}:contact:phone:" };

    private IConnectionMultiplexer _redis = null!;

    private InboundSmsStore Store => new(Database.DataSource, new ContactDirectory(Database.DataSource, new ContactPhoneCache(_redis, CacheOptions)));

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_message_is_stored_once_however_often_Vonage_delivers_it()
    {
        var message = Message(SendPathSeed.NewPhone(), "Hello there");

        Assert.Equal(InboundOutcomeKind.Recorded, (await Store.RecordAsync(message, _ => Reply, default)).Kind);
        Assert.Equal(InboundOutcomeKind.Duplicate, (await Store.RecordAsync(message, _ => Reply, default)).Kind);

        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM sms_replies WHERE provider_message_id = @id", message.ProviderMessageId));
    }

    [Fact]
    public async Task A_long_message_arriving_out_of_order_and_twice_is_stored_once_in_part_order()
    {
        var phone = SendPathSeed.NewPhone();
        var parts = new[] { "Part one, ", "part two, ", "part three." }
            .Select((text, i) => Message(phone, text, new InboundPart("42", 3, i + 1))).ToArray();

        Assert.Equal(InboundOutcomeKind.PartWaiting, (await Store.RecordAsync(parts[2], _ => Reply, default)).Kind);
        Assert.Equal(InboundOutcomeKind.PartWaiting, (await Store.RecordAsync(parts[0], _ => Reply, default)).Kind);
        Assert.Equal(InboundOutcomeKind.Duplicate, (await Store.RecordAsync(parts[0], _ => Reply, default)).Kind);
        var whole = await Store.RecordAsync(parts[1], _ => Reply, default);
        Assert.Equal(InboundOutcomeKind.Duplicate, (await Store.RecordAsync(parts[1], _ => Reply, default)).Kind);

        var reply = Assert.Single(whole.Replies);
        Assert.Equal(parts[0].ProviderMessageId, reply.ProviderMessageId);
        Assert.Equal("Part one, part two, part three.", await TextAsync(phone));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM sms_replies WHERE phone_number = @id", phone));
    }

    [Fact]
    public async Task A_concat_ref_used_again_later_starts_a_new_message()
    {
        var phone = SendPathSeed.NewPhone();
        foreach (var text in new[] { "first", "second" })
        {
            await Store.RecordAsync(Message(phone, text + " a ", new InboundPart("7", 2, 1)), _ => Reply, default);
            await Store.RecordAsync(Message(phone, text + " b", new InboundPart("7", 2, 2)), _ => Reply, default);
        }

        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM sms_replies WHERE phone_number = @id", phone));
        Assert.Equal("second a second b", await TextAsync(phone));
    }

    [Fact]
    public async Task A_part_whose_slot_is_still_taken_stores_the_abandoned_message_with_what_it_has()
    {
        var phone = SendPathSeed.NewPhone();
        await Store.RecordAsync(Message(phone, "never finished", new InboundPart("9", 3, 1)), _ => Reply, default);

        var outcome = await Store.RecordAsync(Message(phone, "new ", new InboundPart("9", 2, 1)), _ => Reply, default);

        Assert.Equal(InboundOutcomeKind.Recorded, outcome.Kind);
        Assert.Equal("never finished", await TextAsync(phone));
        Assert.Equal(1L, await CountAsync(
            "SELECT count(*) FROM inbound_sms_parts WHERE phone_number = @id AND assembled_at IS NULL", phone));
    }

    [Fact]
    public async Task A_reply_is_tied_to_its_contact_and_the_campaign_that_last_messaged_it()
    {
        var older = await Seed.CampaignAsync("Older");
        var newer = await Seed.CampaignAsync("Newer");
        var recipient = await Seed.RecipientAsync(older);
        await Seed.SetStatusAsync(recipient.Id, "delivered");
        await Seed.ExecuteAsync(
            "INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key, status, sent_at) VALUES (@c, @contact, @phone, 'UTC', 'sent', now() + interval '1 minute')",
            ("c", newer), ("contact", recipient.ContactId), ("phone", recipient.Phone));

        var outcome = await Store.RecordAsync(Message(recipient.Phone, "Yes please"), _ => Reply, default);

        var reply = Assert.Single(outcome.Replies);
        Assert.Equal((recipient.ContactId, newer), (reply.ContactId, reply.CampaignId));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT has_replied FROM contacts WHERE id = @id", ("id", recipient.ContactId)));
        Assert.Equal("Yes please", await Seed.ScalarAsync<string>("SELECT last_reply_text FROM contacts WHERE id = @id", ("id", recipient.ContactId)));
    }

    [Fact]
    public async Task An_older_reply_arriving_late_does_not_replace_the_contacts_last_reply()
    {
        var recipient = await Seed.RecipientAsync(await Seed.CampaignAsync());

        await Store.RecordAsync(Message(recipient.Phone, "newest", at: At.AddMinutes(5)), _ => Reply, default);
        await Store.RecordAsync(Message(recipient.Phone, "oldest", at: At), _ => Reply, default);

        Assert.Equal("newest", await Seed.ScalarAsync<string>("SELECT last_reply_text FROM contacts WHERE id = @id", ("id", recipient.ContactId)));
    }

    [Fact]
    public async Task A_reply_from_an_unknown_number_is_stored_without_contact_or_campaign()
    {
        var phone = SendPathSeed.NewPhone();

        var reply = Assert.Single((await Store.RecordAsync(Message(phone, "who is this?"), _ => Reply, default)).Replies);

        Assert.Equal(((long?)null, (Guid?)null), (reply.ContactId, reply.CampaignId));
        Assert.Equal("who is this?", await TextAsync(phone));
    }

    [Fact]
    public async Task An_opt_out_delivered_five_times_at_once_blacklists_records_consent_and_queues_one_confirmation()
    {
        var phone = SendPathSeed.NewPhone();
        var message = Message(phone, "STOP");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Store.RecordAsync(message, _ => OptOut, default))));

        Assert.Single(outcomes, o => o.Kind == InboundOutcomeKind.Recorded);
        Assert.Equal("stop_keyword", await Seed.ScalarAsync<string>("SELECT source FROM blacklist WHERE phone_e164 = @id", ("id", phone)));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM consent_events WHERE phone_e164 = @id AND event_type = 'opt_out'", phone));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM sms_outbox WHERE to_phone = @id AND kind = 'opt_out_confirmation'", phone));
        Assert.Equal("15550009999", await Seed.ScalarAsync<string>("SELECT from_number FROM sms_outbox WHERE to_phone = @id", ("id", phone)));
    }

    [Fact]
    public async Task An_opt_in_lifts_a_stop_but_not_an_operator_entry_and_only_a_lifted_one_is_confirmed()
    {
        var stopped = SendPathSeed.NewPhone();
        await Store.RecordAsync(Message(stopped, "STOP"), _ => OptOut, default);
        var blocked = SendPathSeed.NewPhone();
        await Seed.ExecuteAsync("INSERT INTO blacklist (phone_e164, source) VALUES (@phone, 'operator')", ("phone", blocked));

        await Store.RecordAsync(Message(stopped, "START"), _ => OptIn, default);
        await Store.RecordAsync(Message(blocked, "START"), _ => OptIn, default);

        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM blacklist WHERE phone_e164 = @id", stopped));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM sms_outbox WHERE to_phone = @id AND kind = 'opt_in_confirmation'", stopped));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM blacklist WHERE phone_e164 = @id", blocked));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM sms_outbox WHERE to_phone = @id", blocked));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM consent_events WHERE phone_e164 = @id AND event_type = 'opt_in'", blocked));
    }

    private static InboundMessage Message(string phone, string text, InboundPart? part = null, DateTimeOffset? at = null) =>
        new("M" + Guid.NewGuid().ToString("N")[..15], phone, PhoneIsE164: true, "15550009999", text, at ?? At, part);

    private Task<long> CountAsync(string sql, string id) => Seed.ScalarAsync<long>(sql, ("id", id));

    private Task<string> TextAsync(string phone) =>
        Seed.ScalarAsync<string>("SELECT reply_text FROM sms_replies WHERE phone_number = @id ORDER BY id DESC LIMIT 1", ("id", phone));
}
