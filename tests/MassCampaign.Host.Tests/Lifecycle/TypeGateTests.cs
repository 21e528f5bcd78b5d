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
