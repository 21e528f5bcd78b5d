using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Every command over HTTP against every status it may or may not follow.</summary>
public sealed class CampaignCommandTests(PacedSendingFixture fixture) : IClassFixture<PacedSendingFixture>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Start_answers_202_with_the_status_uri_and_the_management_uris()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 2);

        using var response = await Lifecycle.CommandAsync(campaign.Id, "start");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var statusUri = new Uri(body.GetProperty("statusQueryGetUri").GetString()!);
        Assert.Equal(campaign.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(statusUri, response.Headers.Location);
        Assert.Equal(new Uri(Lifecycle.Host.BaseAddress, $"/api/campaigns/{campaign.Id}/status"), statusUri);
        Assert.EndsWith($"/api/campaigns/{campaign.Id}/pause", body.GetProperty("pausePostUri").GetString());
        Assert.EndsWith($"/api/campaigns/{campaign.Id}/resume", body.GetProperty("resumePostUri").GetString());
        Assert.EndsWith($"/api/campaigns/{campaign.Id}/stop", body.GetProperty("stopPostUri").GetString());
        await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "the campaign completes");
    }

    [Theory]
    [InlineData("start")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task A_command_for_an_unknown_campaign_is_404(string command)
    {
        using var response = await Lifecycle.CommandAsync(Guid.NewGuid(), command);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_status_of_an_unknown_campaign_is_404()
    {
        var status = await Lifecycle.StatusAsync(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, status.Code);
    }

    [Fact]
    public async Task A_draft_is_pending_and_can_only_be_started_or_stopped()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 1);

        var status = await Lifecycle.StatusAsync(campaign.Id);
        Assert.Equal(HttpStatusCode.Accepted, status.Code);
        Assert.Equal("2", status.RetryAfter);
        Assert.Equal("Pending", status.RuntimeStatus);
        Assert.Equal("draft", status.Phase);
        Assert.Equal(JsonValueKind.Null, status.Body.GetProperty("output").ValueKind);

        await AssertConflictAsync(campaign.Id, "pause", Refusal(CampaignCommand.Pause, CampaignStatus.Draft));
        await AssertConflictAsync(campaign.Id, "resume", Refusal(CampaignCommand.Resume, CampaignStatus.Draft));
    }

    [Fact]
    public async Task A_running_campaign_pauses_resumes_and_stops_and_refuses_the_rest()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 200);
        await AssertAcceptedAsync(campaign.Id, "start");
        await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Running", "the campaign runs");
        await AssertConflictAsync(campaign.Id, "start", Refusal(CampaignCommand.Start, CampaignStatus.Running));
        await AssertConflictAsync(campaign.Id, "resume", Refusal(CampaignCommand.Resume, CampaignStatus.Running));

        await AssertAcceptedAsync(campaign.Id, "pause");
        var paused = await Lifecycle.StatusAsync(campaign.Id);
        Assert.Equal("Suspended", paused.RuntimeStatus);
        Assert.Equal("paused", await Lifecycle.Seed.CampaignRowStatusAsync(campaign.Id));
        await AssertConflictAsync(campaign.Id, "pause", Refusal(CampaignCommand.Pause, CampaignStatus.Paused));
        await AssertConflictAsync(campaign.Id, "start", Refusal(CampaignCommand.Start, CampaignStatus.Paused));

        await AssertAcceptedAsync(campaign.Id, "resume");
        Assert.Equal("Running", (await Lifecycle.StatusAsync(campaign.Id)).RuntimeStatus);

        await AssertAcceptedAsync(campaign.Id, "stop");
        var stopped = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the stop settles");
        Assert.Equal("Terminated", stopped.RuntimeStatus);
        Assert.Equal("stopped", stopped.Body.GetProperty("output").GetProperty("status").GetString());
        Assert.Equal("stopped", await Lifecycle.Seed.CampaignRowStatusAsync(campaign.Id));
        await AssertConflictAsync(campaign.Id, "stop", Refusal(CampaignCommand.Stop, CampaignStatus.Stopped));
        await AssertConflictAsync(campaign.Id, "resume", Refusal(CampaignCommand.Resume, CampaignStatus.Stopped));
    }

    [Fact]
    public async Task A_draft_can_be_stopped_and_then_never_started()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);

        await AssertAcceptedAsync(campaign.Id, "stop");

        var status = await Lifecycle.StatusAsync(campaign.Id);
        Assert.Equal(HttpStatusCode.OK, status.Code);
        Assert.Equal("Terminated", status.RuntimeStatus);
        Assert.Equal(3, status.Count("cancelled"));
        await AssertConflictAsync(campaign.Id, "start", Refusal(CampaignCommand.Start, CampaignStatus.Stopped));
        Assert.Equal(0, Lifecycle.SentTo(campaign));
    }

    [Fact]
    public async Task A_completed_campaign_refuses_every_command()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);
        await AssertAcceptedAsync(campaign.Id, "start");
        await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "the campaign completes");

        await AssertConflictAsync(campaign.Id, "start", Refusal(CampaignCommand.Start, CampaignStatus.Completed));
        await AssertConflictAsync(campaign.Id, "pause", Refusal(CampaignCommand.Pause, CampaignStatus.Completed));
        var resume = await AssertConflictAsync(campaign.Id, "resume", Refusal(CampaignCommand.Resume, CampaignStatus.Completed));
        Assert.StartsWith("A completed campaign cannot be resumed", resume);
        await AssertConflictAsync(campaign.Id, "stop", Refusal(CampaignCommand.Stop, CampaignStatus.Completed));
    }

    // The 409 carries the Domain's own sentence; its wording is the Domain's to test.
    private static string Refusal(CampaignCommand command, CampaignStatus status) =>
        CampaignCommands.TargetOf(command, status).Reason ?? throw new InvalidOperationException($"{command} of {status} is allowed.");

    private async Task AssertAcceptedAsync(Guid campaignId, string command)
    {
        using var response = await Lifecycle.CommandAsync(campaignId, command);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{command} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> AssertConflictAsync(Guid campaignId, string command, string detail)
    {
        using var response = await Lifecycle.CommandAsync(campaignId, command);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        return detail;
    }
}
