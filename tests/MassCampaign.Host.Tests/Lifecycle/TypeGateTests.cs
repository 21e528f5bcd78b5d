using System.Net;
using MassCampaign.Workflows.Gates;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Two SMS campaigns may run at once here; voice has a gate of its own.</summary>
public sealed class TypeGateTests(TypeGateTests.TwoSmsSlots fixture) : IClassFixture<TypeGateTests.TwoSmsSlots>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    private IGrainFactory Grains => Lifecycle.Host.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task A_third_sms_campaign_waits_for_a_slot_and_starts_when_one_finishes()
    {
        var longRunning = await Lifecycle.Seed.SmsCampaignAsync(recipients: 400);
        var shortRunning = await Lifecycle.Seed.SmsCampaignAsync(recipients: 80);
        var third = await Lifecycle.Seed.SmsCampaignAsync(recipients: 5);

        (await Lifecycle.CommandAsync(longRunning.Id, "start")).Dispose();
        (await Lifecycle.CommandAsync(shortRunning.Id, "start")).Dispose();
        using var thirdStart = await Lifecycle.CommandAsync(third.Id, "start");

        Assert.Equal(HttpStatusCode.Accepted, thirdStart.StatusCode);
        var queued = await Lifecycle.StatusAsync(third.Id);
        Assert.Equal("Pending", queued.RuntimeStatus);
        Assert.Equal("queued", queued.Phase);
        Assert.Equal(1, queued.Custom.GetProperty("queuePosition").GetInt32());
        Assert.Equal("queued", await Lifecycle.Seed.CampaignRowStatusAsync(third.Id));
        Assert.Equal(0, Lifecycle.SentTo(third));

        await Lifecycle.WaitForStatusAsync(shortRunning.Id, s => s.RuntimeStatus == "Completed", "the short campaign completes");
        var thirdDone = await Lifecycle.WaitForStatusAsync(third.Id, s => s.RuntimeStatus == "Completed", "the queued campaign runs and completes");

        Assert.Equal(5, Lifecycle.SentTo(third));
        Assert.Equal("Running", (await Lifecycle.StatusAsync(longRunning.Id)).RuntimeStatus);
        Assert.Equal(5, thirdDone.Body.GetProperty("output").GetProperty("sent").GetInt64());

        (await Lifecycle.CommandAsync(longRunning.Id, "stop")).Dispose();
        await Lifecycle.WaitForStatusAsync(longRunning.Id, s => s.Code == HttpStatusCode.OK, "the long campaign stops");
        var sms = await Grains.GetGrain<ICampaignTypeGate>("sms").GetSnapshotAsync();
        Assert.Empty(sms.Holders);
        Assert.Empty(sms.Waiters);
    }

    [Fact]
    public async Task A_stopped_campaign_leaves_the_queue_without_taking_a_slot()
    {
        var first = await Lifecycle.Seed.SmsCampaignAsync(recipients: 300);
        var second = await Lifecycle.Seed.SmsCampaignAsync(recipients: 300);
        var waiting = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);
        foreach (var campaign in new[] { first, second, waiting })
        {
            (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        }

        (await Lifecycle.CommandAsync(waiting.Id, "stop")).Dispose();
        var gate = await Grains.GetGrain<ICampaignTypeGate>("sms").GetSnapshotAsync();

        Assert.DoesNotContain(waiting.Id, gate.Waiters);
        Assert.DoesNotContain(waiting.Id, gate.Holders);
        Assert.Equal("Terminated", (await Lifecycle.StatusAsync(waiting.Id)).RuntimeStatus);
        Assert.Equal(0, Lifecycle.SentTo(waiting));
        foreach (var campaign in new[] { first, second })
        {
            (await Lifecycle.CommandAsync(campaign.Id, "stop")).Dispose();
        }
    }

    [Fact]
    public async Task The_voice_gate_grants_its_own_slots_whatever_sms_holds()
    {
        var voice = Grains.GetGrain<ICampaignTypeGate>("voice");
        var campaigns = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            campaigns.Add((await Lifecycle.Seed.CampaignAsync("voice", CampaignSeeder.AlwaysOpen, ["Europe/London"])).Id);
        }

        var admissions = new List<GateAdmission>();
        foreach (var campaign in campaigns)
        {
            admissions.Add(await voice.AcquireAsync(campaign));
        }

        Assert.All(admissions.Take(5), admission => Assert.True(admission.Granted));
        Assert.Equal(GateAdmission.Queued(1), admissions[5]);
        Assert.Equal(GateAdmission.Grant, await voice.AcquireAsync(campaigns[0]));
        Assert.Equal(GateAdmission.Queued(1), await voice.AcquireAsync(campaigns[5]));

        await voice.ReleaseAsync(campaigns[0]);
        await voice.ReleaseAsync(campaigns[0]);

        var snapshot = await voice.GetSnapshotAsync();
        Assert.Equal(5, snapshot.Limit);
        Assert.Equal(campaigns.Skip(1), snapshot.Holders);
        Assert.Empty(snapshot.Waiters);
        Assert.Equal(2, (await Grains.GetGrain<ICampaignTypeGate>("sms").GetSnapshotAsync()).Limit);
        foreach (var campaign in campaigns)
        {
            await voice.ReleaseAsync(campaign);
        }
    }

    [Fact]
    public async Task Holders_whose_campaigns_ended_or_vanished_without_a_release_do_not_block_a_new_campaign()
    {
        var sms = Grains.GetGrain<ICampaignTypeGate>("sms");
        var ended = await Lifecycle.Seed.SmsCampaignAsync(recipients: 1);
        var vanished = Guid.NewGuid();
        Assert.True((await sms.AcquireAsync(ended.Id)).Granted);
        Assert.True((await sms.AcquireAsync(vanished)).Granted);
        await Lifecycle.Seed.SetCampaignRowStatusAsync(ended.Id, "completed");
        var next = await Lifecycle.Seed.SmsCampaignAsync(recipients: 5);

        (await Lifecycle.CommandAsync(next.Id, "start")).Dispose();

        await Lifecycle.WaitForStatusAsync(next.Id, s => s.RuntimeStatus == "Completed", "the new campaign runs to the end");
        Assert.Equal(5, Lifecycle.SentTo(next));
        var gate = await sms.GetSnapshotAsync();
        Assert.DoesNotContain(ended.Id, gate.Holders);
        Assert.DoesNotContain(vanished, gate.Holders);
    }

    [Fact]
    public async Task Slots_freed_from_ended_holders_go_to_the_queue_in_arrival_order()
    {
        var sms = Grains.GetGrain<ICampaignTypeGate>("sms");
        var leaked = new[] { await Lifecycle.Seed.SmsCampaignAsync(recipients: 1), await Lifecycle.Seed.SmsCampaignAsync(recipients: 1) };
        foreach (var campaign in leaked)
        {
            Assert.True((await sms.AcquireAsync(campaign.Id)).Granted);
        }

        // Long enough (two seconds at 60 SMS/s) that neither is done before the gate is read.
        var first = await Lifecycle.Seed.SmsCampaignAsync(recipients: 60);
        var second = await Lifecycle.Seed.SmsCampaignAsync(recipients: 60);
        (await Lifecycle.CommandAsync(first.Id, "start")).Dispose();
        (await Lifecycle.CommandAsync(second.Id, "start")).Dispose();
        Assert.Equal(2, (await Lifecycle.StatusAsync(second.Id)).Custom.GetProperty("queuePosition").GetInt32());
        await Lifecycle.Seed.SetCampaignRowStatusAsync(leaked[0].Id, "failed");
        await Lifecycle.Seed.SetCampaignRowStatusAsync(leaked[1].Id, "stopped");
        var latecomer = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);

        (await Lifecycle.CommandAsync(latecomer.Id, "start")).Dispose();

        var afterSweep = await sms.GetSnapshotAsync();
        Assert.Equal([first.Id, second.Id], afterSweep.Holders);
        Assert.Equal([latecomer.Id], afterSweep.Waiters);
        foreach (var campaign in new[] { first, second, latecomer })
        {
            await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "every waiting campaign runs in turn");
            Assert.Equal(campaign.Phones.Count, Lifecycle.SentTo(campaign));
        }
    }

    public sealed class TwoSmsSlots : LifecycleHostFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["massCampaign:concurrency:sms"] = "2",
            ["massCampaign:concurrency:voice"] = "5",
            ["massCampaign:sendPath:batchSize"] = "10",
            ["massCampaign:sendPath:maxBatchesInFlight"] = "2",
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "60",
        };
    }
}
