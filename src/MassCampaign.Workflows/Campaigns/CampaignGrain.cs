using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Messaging;
using MassCampaign.Domain.Telemetry;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Dispatch;
using MassCampaign.Workflows.Sending;
using MassCampaign.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// One campaign's lifecycle, whatever its channel: the operator's commands, status reads and wake-ups. How each status
/// change is carried out is in CampaignGrain.Transitions.cs; how the send loop's decisions are applied in
/// CampaignGrain.Loop.cs.
/// </summary>
public sealed partial class CampaignGrain(
    [PersistentState("campaign", GrainStorageNames.Campaigns)] IPersistentState<CampaignState> state,
    ICampaignLifecycleRepository campaigns,
    ISendPathRepository sendPath,
    CampaignDispatchers dispatchers,
    RecipientReopening reopening,
    SendPermits permits,
    IClock clock,
    TimeProvider time,
    IOptions<SendPathOptions> sendOptions,
    IOptions<SmsRateLimitOptions> rateOptions,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IRemindable
{
    private const string WakeReminder = "wake";
    private static readonly TimeSpan WakePeriod = TimeSpan.FromMinutes(1);

    private CampaignDefinition? _campaign;

    private Guid Id => this.GetPrimaryKey();

    private CampaignState Current => state.State;

    private SendPermit Permit => permits.For(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _campaign = await campaigns.FindAsync(Id, cancellationToken);
        if (_campaign is not null)
        {
            await ReconcileAsync(cancellationToken);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        StopLoopAsync(cancellationToken);

    public async Task<LifecycleResult> StartAsync()
    {
        using var activity = MassCampaignTelemetry.StartCampaignActivity("campaign.start", Id);
        // Read afresh: a draft may have been edited since this activation loaded it.
        _campaign = await campaigns.FindAsync(Id, CancellationToken.None);
        if (_campaign is null)
        {
            return StartFailed(LifecycleResult.NotFound, "not_found");
        }

        if (Current.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
        {
            Current.Status = _campaign.Status;
        }

        var decision = CampaignCommands.TargetOf(CampaignCommand.Start, Current.Status);
        if (!decision.IsAccepted)
        {
            return StartFailed(LifecycleResult.Conflict(decision.Reason), "conflict");
        }

        Current.StartTraceParent = activity?.Id;
        await MoveToAsync(CampaignStatus.Queued, null);
        await this.RegisterOrUpdateReminder(WakeReminder, WakePeriod, WakePeriod);
        // Checked once queued: a draft cannot fail, a started campaign can, and then it says why.
        if (CampaignScripts.WhyUnusable(_campaign) is { } unusable)
        {
            await EndAsync(CampaignStatus.Failed, unusable);
            return StartFailed(LifecycleResult.Accepted, "unusable_script");
        }

        await AcquireSlotAsync();
        CampaignMetrics.Add(CampaignMetrics.CampaignsStarted, 1, "type", CampaignTypeNames.ToWire(_campaign.Type));
        return LifecycleResult.Accepted;
    }

    /// <summary>Answers once no request of the campaign is under way: none starts after the 202.</summary>
    public Task<LifecycleResult> PauseAsync() => CommandAsync(CampaignCommand.Pause, target => HaltAsync(() => MoveToAsync(target, null)));

    public Task<LifecycleResult> ResumeAsync() => CommandAsync(CampaignCommand.Resume, async target =>
    {
        await MoveToAsync(target, null);
        RunLoop();
    });

    public Task<LifecycleResult> StopAsync() => CommandAsync(CampaignCommand.Stop, target => HaltAsync(() => EndAsync(target, null)));

    public async Task<CampaignStatusView?> GetStatusAsync()
    {
        // Drafts are edited through the API, not through this grain: read them afresh.
        if (_campaign is null || Current.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
        {
            _campaign = await campaigns.FindAsync(Id, CancellationToken.None);
            if (_campaign is null)
            {
                return null;
            }

            if (Current.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
            {
                Current.Status = _campaign.Status;
                Current.Phase = CampaignPhases.Of(_campaign.Status);
            }
        }

        var progress = await Loop.ProgressAsync(Current.Phase, CancellationToken.None);
        return new CampaignStatusView(
            Id, _campaign.Name, _campaign.Type, Current.Status, Current.Reason, Current.Phase, progress,
            Current.NextWindowOpensAt, Loop.RatePerSecond, Current.QueuePosition, _campaign.Sender, _campaign.SmsTemplate,
            _campaign.CreatedAt, Current.UpdatedAt ?? _campaign.UpdatedAt, Current.WoundDown);
    }

    public async Task SlotGrantedAsync()
    {
        if (Current.Status == CampaignStatus.Queued)
        {
            await EnterRunningAsync();
        }
        else if (_campaign is not null && CampaignTransitions.IsTerminal(Current.Status))
        {
            // Granted too late: the campaign ended while it waited, so the slot goes to the next one.
            await Gate().ReleaseAsync(Id);
        }
    }

    // Activation has already reconciled and resumed the campaign by the time this runs.
    public Task WakeAsync() => Task.CompletedTask;
}
