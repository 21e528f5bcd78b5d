using MassCampaign.Domain.Recipients;
using System.Net;
using Npgsql;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// A host starting on a database that a dead host left behind resumes its campaigns. The database is shaped as the
/// dead host left it (rows running or queued, recipients cut off in 'sending'); a second host is then started on it.
/// </summary>
public sealed class RestartRecoveryTests
{
    [Fact]
    public async Task A_starting_host_resumes_campaigns_left_running_or_queued_and_leaves_cut_off_sms_unknown_when_told_to()
    {
        await using var before = await LifecycleHost.StartAsync(new Dictionary<string, string?>());
        var running = await before.Seed.SmsCampaignAsync(recipients: 10);
        var queued = await before.Seed.SmsCampaignAsync(recipients: 4);
        var cutOff = running.Phones.Take(3).ToArray();
        await before.Seed.SetSettingsAsync(running.Id, """{"unknownPolicy": "leave", "unknownResolveAfter": "PT2S"}""");
        await LeaveAsADeadHostWouldAsync(before.Host.Database.DataSource, running.Id, queued.Id, cutOff);

        await using var after = await LifecycleHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = before.Host.Database.ConnectionString,
        });
        var runningDone = await after.WaitForStatusAsync(running.Id, s => s.Code == HttpStatusCode.OK, "the running campaign finishes");
        var queuedDone = await after.WaitForStatusAsync(queued.Id, s => s.Code == HttpStatusCode.OK, "the queued campaign finishes");

        Assert.Equal("Completed", runningDone.RuntimeStatus);
        Assert.Equal("Completed", queuedDone.RuntimeStatus);
        Assert.Equal(0, after.SentTo(cutOff));
        Assert.Equal(7, after.SentTo(running));
        Assert.Equal(4, after.SentTo(queued));
        var statuses = await before.Seed.RecipientStatusesAsync(running.Id);
        Assert.All(cutOff, phone => Assert.Equal("unknown", statuses[phone]));
        Assert.Equal(3, runningDone.Body.GetProperty("output").GetProperty("unknown").GetInt64());
    }

    [Fact]
    public async Task A_cut_off_sms_no_receipt_settles_is_sent_again_once_its_wait_is_over_under_the_resend_policy()
    {
        await using var before = await LifecycleHost.StartAsync(new Dictionary<string, string?>());
        var running = await before.Seed.SmsCampaignAsync(recipients: 6);
        var queued = await before.Seed.SmsCampaignAsync(recipients: 1);
        var cutOff = running.Phones.Take(2).ToArray();
        await before.Seed.SetSettingsAsync(running.Id, """{"unknownPolicy": "resend", "unknownResolveAfter": 15}""");
        await LeaveAsADeadHostWouldAsync(before.Host.Database.DataSource, running.Id, queued.Id, cutOff);

        await using var after = await LifecycleHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = before.Host.Database.ConnectionString,
        });
        var waiting = await after.WaitForStatusAsync(running.Id, s => s.Phase == "waiting-for-receipts", "only the cut-off sends are left");
        Assert.Equal(2, waiting.Custom.GetProperty("unknownUnresolved").GetInt64());
        Assert.Equal(0, after.SentTo(cutOff));

        var done = await after.WaitForStatusAsync(running.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes", TimeSpan.FromSeconds(60));

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(6, after.SentTo(running));
        Assert.All(running.Phones, phone => Assert.Equal(1, after.Simulator.GetStats().SmsByRecipient.GetValueOrDefault(phone)));
        var statuses = await before.Seed.RecipientStatusesAsync(running.Id);
        Assert.All(cutOff, phone => Assert.Equal("sent", statuses[phone]));
    }

    private static async Task LeaveAsADeadHostWouldAsync(NpgsqlDataSource database, Guid running, Guid queued, string[] cutOff)
    {
        await using var command = database.CreateCommand("""
            UPDATE campaigns SET status = 'running', started_at = now() WHERE id = @running;
            UPDATE campaigns SET status = 'queued', started_at = now() WHERE id = @queued;
            UPDATE campaign_recipients SET status = 'sending', attempt = 1, claimed_at = now()
            WHERE campaign_id = @running AND phone_e164 = ANY(@cut_off);
            """);
        command.Parameters.AddWithValue("running", running);
        command.Parameters.AddWithValue("queued", queued);
        command.Parameters.AddWithValue("cut_off", cutOff);
        await command.ExecuteNonQueryAsync();
    }
}
