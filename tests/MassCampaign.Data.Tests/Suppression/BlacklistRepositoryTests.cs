using MassCampaign.Data.Suppression;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Suppression;

public sealed class BlacklistRepositoryTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private BlacklistRepository Blacklist => new(Database.DataSource);

    [Fact]
    public async Task Adding_a_number_twice_keeps_the_first_entry_and_records_one_consent_event()
    {
        var phone = SendPathSeed.NewPhone();

        var first = await Blacklist.AddAsync(phone, "asked by phone", BlacklistSources.Operator, default);
        var second = await Blacklist.AddAsync(phone, "again", BlacklistSources.Complaint, default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Entry, second.Entry);
        Assert.Equal(("asked by phone", "operator"), (second.Entry.Reason, second.Entry.Source));
        Assert.Equal(1L, await Seed.ScalarAsync<long>(
            "SELECT count(*) FROM consent_events WHERE phone_e164 = @p AND event_type = 'blacklist_added' AND channel = 'api'", ("p", phone)));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_number_create_it_once()
    {
        var phone = SendPathSeed.NewPhone();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Blacklist.AddAsync(phone, null, BlacklistSources.Operator, default))));

        Assert.Single(results, r => r.Created);
        Assert.Equal(1L, await Seed.ScalarAsync<long>("SELECT count(*) FROM consent_events WHERE phone_e164 = @p", ("p", phone)));
    }

    [Fact]
    public async Task Removing_a_number_deletes_the_entry_but_the_trail_keeps_both_events()
    {
        var phone = SendPathSeed.NewPhone();
        await Blacklist.AddAsync(phone, null, BlacklistSources.Operator, default);

        Assert.NotNull(await Blacklist.RemoveAsync(phone, default));
        Assert.Null(await Blacklist.RemoveAsync(phone, default));

        Assert.Null(await Blacklist.GetAsync(phone, default));
        Assert.Equal("blacklist_added,blacklist_removed", await Seed.ScalarAsync<string>(
            "SELECT string_agg(event_type, ',' ORDER BY id) FROM consent_events WHERE phone_e164 = @p", ("p", phone)));
    }

    [Fact]
    public async Task The_consent_trail_cannot_be_deleted()
    {
        var phone = SendPathSeed.NewPhone();
        await Blacklist.AddAsync(phone, null, BlacklistSources.Operator, default);

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            Seed.ExecuteAsync("DELETE FROM consent_events WHERE phone_e164 = @p", ("p", phone)));
    }
}
