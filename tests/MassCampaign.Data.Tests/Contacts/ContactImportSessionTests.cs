using MassCampaign.Data.Contacts;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Contacts;

public sealed class ContactImportSessionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly ContactImportStore store = new(database.DataSource, TimeProvider.System);

    [Fact]
    public async Task Chunks_become_contacts_and_recipients_once_per_number()
    {
        var campaign = await CampaignAsync();
        await using var session = await store.OpenAsync(campaign, default);

        var first = await session.WriteAsync([Row("+14155550400"), Row("+14155550401")], default);
        var second = await session.WriteAsync([Row("+14155550401"), Row("+14155550402")], default);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1", campaign));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM contacts WHERE phone_e164 = '+14155550401' AND $1::uuid IS NOT NULL", campaign));
    }

    [Fact]
    public async Task Each_chunk_commits_on_its_own_and_a_failed_one_leaves_nothing_behind()
    {
        var campaign = await CampaignAsync();
        await using var session = await store.OpenAsync(campaign, default);
        await session.WriteAsync([Row("+14155550410")], default);

        await Assert.ThrowsAsync<PostgresException>(() => session.WriteAsync([Row("+14155550411"), Row("not e164")], default));
        var after = await session.WriteAsync([Row("+14155550412")], default);

        Assert.Equal(1, after);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1", campaign));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM contacts WHERE phone_e164 = '+14155550411' AND $1::uuid IS NOT NULL", campaign));
    }

    [Fact]
    public async Task Attributes_merge_and_empty_fields_keep_stored_values()
    {
        var campaign = await CampaignAsync();
        await using (var session = await store.OpenAsync(campaign, default))
        {
            await session.WriteAsync([new ContactImportRow("+14155550420", "Ann", "Lee", "America/Chicago", """{"a": "1", "b": "2"}""", "America/Chicago")], default);
        }

        var other = await CampaignAsync();
        await using (var session = await store.OpenAsync(other, default))
        {
            await session.WriteAsync([new ContactImportRow("+14155550420", null, "Long", null, """{"b": "3"}""", "America/Los_Angeles")], default);
        }

        await using var command = database.DataSource.CreateCommand(
            "SELECT first_name || ' ' || last_name || ' ' || time_zone || ' ' || attributes::text FROM contacts WHERE phone_e164 = '+14155550420'");
        Assert.Equal("""Ann Long America/Chicago {"a": "1", "b": "3"}""", await command.ExecuteScalarAsync());
        // The contact's stored zone beats the number's zone for the new campaign's recipient.
        await using var zone = database.DataSource.CreateCommand("SELECT zone_key FROM campaign_recipients WHERE campaign_id = $1");
        zone.Parameters.Add(new NpgsqlParameter { Value = other });
        Assert.Equal("America/Chicago", await zone.ExecuteScalarAsync());
    }

    private static ContactImportRow Row(string phone) => new(phone, null, null, null, null, "America/New_York");

    private async Task<Guid> CampaignAsync()
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO campaigns (id, name, type, sms_template, sender, calling_window)
            VALUES ($1, 'Import test', 'sms', 'Hi', 'Acme', '{"timeZone": "America/New_York"}')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<long> ScalarAsync(string sql, Guid campaign)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
