using MassCampaign.Data.Suppression;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Suppression;

public sealed class BlacklistSearchTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private BlacklistRepository Blacklist => new(Database.DataSource);

    private BlacklistSearch Search => new(Database.DataSource);

    [Fact]
    public async Task Digits_from_anywhere_in_a_number_find_it_and_no_other()
    {
        var wanted = SendPathSeed.NewPhone();
        var other = SendPathSeed.NewPhone();
        await Blacklist.AddAsync(wanted, "asked by phone", BlacklistSources.Operator, default);
        await Blacklist.AddAsync(other, null, BlacklistSources.Operator, default);

        var found = await Search.FindAsync(wanted[^6..], 50, default);

        Assert.Contains(found, entry => entry.Phone == wanted && entry.Reason == "asked by phone");
        Assert.DoesNotContain(found, entry => entry.Phone == other);
    }

    [Fact]
    public async Task No_digits_list_the_newest_entries_up_to_the_limit()
    {
        var phones = new[] { SendPathSeed.NewPhone(), SendPathSeed.NewPhone(), SendPathSeed.NewPhone() };
        foreach (var phone in phones)
        {
            await Blacklist.AddAsync(phone, null, BlacklistSources.Operator, default);
        }

        var found = await Search.FindAsync("", 2, default);

        Assert.Equal(2, found.Count);
        Assert.True(found[0].CreatedAt >= found[1].CreatedAt, "newest first");
    }
}
