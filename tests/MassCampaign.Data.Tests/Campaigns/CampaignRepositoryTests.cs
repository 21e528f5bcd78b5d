using MassCampaign.Data.Campaigns;
using MassCampaign.Data.Contacts;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Campaigns;

public sealed class CampaignRepositoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTime Created = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly CampaignRepository repository = new(database.DataSource);

    [Fact]
    public async Task Inserted_campaign_is_found_as_written()
    {
        var campaign = NewCampaign(CampaignType.Hybrid);

        await repository.InsertAsync(campaign, default);
        var found = await repository.FindAsync(campaign.Id, default);

        Assert.NotNull(found);
        Assert.Equal(campaign with { CallingWindowJson = found.CallingWindowJson, Settings = found.Settings }, found);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        Assert.Contains("\"timeZone\": \"Europe/Paris\"", found.CallingWindowJson);
        Assert.Equal(campaign.Settings with { Other = found.Settings.Other }, found.Settings);
        Assert.Equal("7", found.Settings.Voice.OptOutDigit);
        Assert.Equal("note", Assert.Single(found.Settings.Other).Key);
        Assert.Null(await repository.FindAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task List_filters_by_status_and_type_and_pages_newest_first()
    {
        var older = NewCampaign(CampaignType.Voice) with { CreatedAt = Created.AddDays(-3) };
        var newer = NewCampaign(CampaignType.Voice) with { CreatedAt = Created.AddDays(-2) };
        var newest = NewCampaign(CampaignType.Voice) with { CreatedAt = Created.AddDays(-1) };
        foreach (var campaign in new[] { older, newer, newest })
        {
            await repository.InsertAsync(campaign, default);
        }

        // Only this test uses queued, so the other tests' campaigns in the shared database do not interfere.
        await SetStatusAsync(older.Id, "queued");
        await SetStatusAsync(newer.Id, "queued");
        await SetStatusAsync(newest.Id, "paused");

        var queuedVoice = await repository.ListAsync(new CampaignListQuery(CampaignStatus.Queued, CampaignType.Voice, 1, 1), default);
        Assert.Equal(2, queuedVoice.Total);
        Assert.Equal([newer.Id], queuedVoice.Items.Select(c => c.Id));
        var secondPage = await repository.ListAsync(new CampaignListQuery(CampaignStatus.Queued, CampaignType.Voice, 2, 1), default);
        Assert.Equal([older.Id], secondPage.Items.Select(c => c.Id));
        var paused = await repository.ListAsync(new CampaignListQuery(CampaignStatus.Paused, null, 1, 50), default);
        Assert.Contains(newest.Id, paused.Items.Select(c => c.Id));
        Assert.All(paused.Items, c => Assert.Equal(CampaignStatus.Paused, c.Status));
    }

    [Fact]
    public async Task Replace_changes_a_draft_but_keeps_its_id_status_and_creation_time()
    {
        var campaign = NewCampaign(CampaignType.Sms);
        await repository.InsertAsync(campaign, default);
        var edited = campaign with
        {
            Name = "Renamed",
            Type = CampaignType.Voice,
            SmsTemplate = null,
            VoiceScript = "Hello",
            Sender = "14155550100",
            CreatedAt = Created.AddYears(1),
            UpdatedAt = Created.AddHours(1),
        };

        var change = await repository.ReplaceDraftAsync(edited, default);

        Assert.Equal(DraftChangeOutcome.Done, change.Outcome);
        Assert.Equal(("Renamed", CampaignType.Voice, "Hello"), (change.Campaign!.Name, change.Campaign.Type, change.Campaign.VoiceScript));
        Assert.Equal(Created, change.Campaign.CreatedAt);
        Assert.Equal(Created.AddHours(1), change.Campaign.UpdatedAt);
        Assert.Equal(CampaignStatus.Draft, change.Campaign.Status);
    }

    [Fact]
    public async Task Replace_and_delete_of_a_campaign_that_is_not_a_draft_are_refused_and_change_nothing()
    {
        var campaign = NewCampaign(CampaignType.Sms);
        await repository.InsertAsync(campaign, default);
        await SetStatusAsync(campaign.Id, "running");

        var replace = await repository.ReplaceDraftAsync(campaign with { Name = "Renamed" }, default);
        var delete = await repository.DeleteDraftAsync(campaign.Id, default);

        Assert.Equal((DraftChangeOutcome.NotDraft, CampaignStatus.Running), (replace.Outcome, replace.Status));
        Assert.Equal((DraftChangeOutcome.NotDraft, CampaignStatus.Running), (delete.Outcome, delete.Status));
        Assert.Equal(campaign.Name, (await repository.FindAsync(campaign.Id, default))!.Name);
    }

    [Fact]
    public async Task Changes_to_an_unknown_campaign_are_not_found()
    {
        Assert.Equal(DraftChangeOutcome.NotFound, (await repository.ReplaceDraftAsync(NewCampaign(CampaignType.Sms), default)).Outcome);
        Assert.Equal(DraftChangeOutcome.NotFound, (await repository.DeleteDraftAsync(Guid.NewGuid(), default)).Outcome);
    }

    [Fact]
    public async Task Recipients_are_counted_by_status_and_deleted_with_their_draft()
    {
        var campaign = NewCampaign(CampaignType.Sms);
        await repository.InsertAsync(campaign, default);
        await ImportAsync(campaign.Id, "+14155550300", "+14155550301", "+14155550302");
        await using (var command = database.DataSource.CreateCommand(
            "UPDATE campaign_recipients SET status = 'delivered' WHERE campaign_id = $1 AND phone_e164 = '+14155550300'"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = campaign.Id });
            await command.ExecuteNonQueryAsync();
        }

        var counts = (await repository.RecipientCountsAsync([campaign.Id, Guid.NewGuid()], default))[campaign.Id];
        Assert.Equal((3L, 2L, 1L, 0L), (counts.Total, counts.Pending, counts.Delivered, counts.Failed));

        Assert.Equal(DraftChangeOutcome.Done, (await repository.DeleteDraftAsync(campaign.Id, default)).Outcome);
        Assert.Null(await repository.FindAsync(campaign.Id, default));
        Assert.Empty(await repository.RecipientCountsAsync([campaign.Id], default));
    }

    private static CampaignRecord NewCampaign(CampaignType type) => new(
        Guid.NewGuid(),
        "Campaign",
        type,
        CampaignStatus.Draft,
        type == CampaignType.Voice ? null : "Hi {{first_name}}",
        type == CampaignType.Sms ? null : "Hello, this is a call.",
        type == CampaignType.Sms ? "Acme" : "14155550100",
        """{"days": ["Mon"], "start": "08:00", "end": "21:00", "timeZone": "Europe/Paris"}""",
        CampaignSettings.FromJson("""{"retry": {"maxAttempts": 3}, "unknownPolicy": "leave", "voice": {"optOutDigit": "7"}, "note": "kept"}"""),
        Created,
        Created);

    private async Task SetStatusAsync(Guid id, string status)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE campaigns SET status = $1 WHERE id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
    }

    private async Task ImportAsync(Guid campaign, params string[] phones)
    {
        await using var session = await new ContactImportStore(database.DataSource, TimeProvider.System).OpenAsync(campaign, default);
        await session.WriteAsync(phones.Select(phone => new ContactImportRow(phone, null, null, null, null, "America/New_York")).ToList(), default);
    }
}
