using System.Text.Json;
using MassCampaign.Data.Campaigns;
using MassCampaign.Data.Reporting;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Host.Apis;
using MassCampaign.Host.OperatorConsole.Feeds;
using MassCampaign.Workflows.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>One campaign: its live progress, lifecycle commands, contact upload, replies and export.</summary>
public sealed class CampaignModel(
    CampaignRepository campaigns, CampaignPageFeed feed, IGrainFactory grains, CampaignReportQueries reports, CampaignThroughputQueries throughput)
    : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CampaignRecord Campaign { get; private set; } = null!;

    public CampaignPageUpdate State { get; private set; } = null!;

    public long LastReplyId => State.Replies.Select(r => r.Id).DefaultIfEmpty(0).Max();

    /// <summary>The run so far as {bucketSeconds, points: [{at, sent}]}, which the throughput chart starts from.</summary>
    public string ThroughputHistory { get; private set; } = "";

    public bool CanImport => !CampaignTransitions.IsTerminal(Campaign.Status);

    public bool Allows(CampaignCommand command) => State.Progress.Commands.Contains(LifecycleButtons.Name(command));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await campaigns.FindAsync(Id, ct) is not { } campaign || await feed.SnapshotAsync(Id, 0, ct) is not { } state)
        {
            return NotFound();
        }

        Campaign = campaign;
        State = state;
        var report = await reports.GetReportAsync(Id, ct);
        var (bucket, points) = await throughput.ReadAsync(Id, report?.FirstSentAt, report?.LastSentAt, ct);
        ThroughputHistory = JsonSerializer.Serialize(new { bucketSeconds = bucket.TotalSeconds, points }, Json);
        return Page();
    }

    public async Task<IActionResult> OnPostCommandAsync(string? command)
    {
        if (!LifecycleButtons.TryParse(command, out var parsed) || parsed == CampaignCommand.Resend)
        {
            return Back($"'{command}' is not a command; use start, pause, resume or stop.");
        }

        var grain = grains.GetGrain<ICampaignGrain>(Id);
        var result = parsed switch
        {
            CampaignCommand.Start => await grain.StartAsync(),
            CampaignCommand.Pause => await grain.PauseAsync(),
            CampaignCommand.Resume => await grain.ResumeAsync(),
            _ => await grain.StopAsync(),
        };
        return result.Outcome switch
        {
            LifecycleOutcome.Accepted => Back($"{LifecycleButtons.Name(parsed)}: accepted."),
            LifecycleOutcome.NotFound => NotFound(),
            _ => Back(result.Detail ?? "The campaign cannot do that now."),
        };
    }

    public async Task<IActionResult> OnPostResendAsync(List<string> statuses)
    {
        var answer = (await CampaignResendApi.ResendAsync(Id, new ResendRequest(statuses), Request, grains)).Result;
        return answer switch
        {
            Accepted<ResendResponse> accepted => Back(
                $"resend: {accepted.Value!.Reopened} recipients reopened" + (accepted.Value.AtAttemptCap > 0 ? $", {accepted.Value.AtAttemptCap} already at the attempt cap." : ".")),
            ProblemHttpResult problem => Back(problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Resend refused."),
            _ => throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name} to a resend."),
        };
    }

    private RedirectResult Back(string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/console/campaigns/{Id}");
    }
}
