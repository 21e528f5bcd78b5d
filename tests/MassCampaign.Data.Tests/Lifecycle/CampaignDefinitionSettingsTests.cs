using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Testing;
using NodaTime;
using Npgsql;

namespace MassCampaign.Data.Tests.Lifecycle;

/// <summary>The engine reads a campaign's retry policy and unknown handling from its definition, defaults filled in.</summary>
public sealed class CampaignDefinitionSettingsTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private CampaignLifecycleRepository Campaigns => new(Database.DataSource);

    [Fact]
    public async Task Stored_settings_are_read_into_the_definition()
    {
        var campaign = await CampaignWithSettingsAsync(
            """{"retry": {"maxAttempts": 4, "afterMinutes": 5}, "unknownPolicy": "leave", "unknownResolveAfter": "PT2H"}""");

        var settings = (await Campaigns.FindAsync(campaign, default))!.Settings;

        Assert.Equal(new RetryPolicy(4, Duration.FromMinutes(5)), settings.Retry);
        Assert.Equal(UnknownPolicy.Leave, settings.UnknownPolicy);
        Assert.Equal(Duration.FromHours(2), settings.UnknownResolveAfter);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"retry": "3", "unknownPolicy": 1, "note": "written before settings were typed"}""")]
    public async Task A_row_without_usable_settings_runs_with_the_defaults(string json)
    {
        var campaign = await CampaignWithSettingsAsync(json);

        var settings = (await Campaigns.FindAsync(campaign, default))!.Settings;

        Assert.Equal(CampaignSettings.Default with { Other = settings.Other }, settings);
    }

    private async Task<Guid> CampaignWithSettingsAsync(string json)
    {
        var campaign = await Seed.CampaignAsync();
        await using var update = Database.DataSource.CreateCommand("UPDATE campaigns SET settings = $1::jsonb WHERE id = $2");
        update.Parameters.Add(new NpgsqlParameter { Value = json });
        update.Parameters.Add(new NpgsqlParameter { Value = campaign });
        await update.ExecuteNonQueryAsync();
        return campaign;
    }
}
