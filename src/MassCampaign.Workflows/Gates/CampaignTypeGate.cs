using MassCampaign.Data.Lifecycle;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.Gates;

public sealed class CampaignTypeGate(
    [PersistentState("gate", GrainStorageNames.Campaigns)] IPersistentState<CampaignTypeGateState> state,
    IOptions<ConcurrencyOptions> concurrency,
    CampaignStatusLookup campaigns,
    ILogger<CampaignTypeGate> logger) : Grain, ICampaignTypeGate
{
    /// <summary>How often a gate with holders or waiters checks that their campaigns still live.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private CampaignTypeGateState Gate => state.State;

    private bool IsFull => Gate.Holders.Count >= Gate.Limit;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { KeepAlive = false });

        // host.json is the authority on the limit; a raised limit admits waiters at once.
        var limit = concurrency.Value.LimitFor(this.GetPrimaryKeyString());
        if (Gate.Limit != limit)
        {
            Gate.Limit = limit;
            var granted = GrantWaiters();
            await state.WriteStateAsync(cancellationToken);
            Notify(granted);
        }
    }

    public async Task<GateAdmission> AcquireAsync(Guid campaignId)
    {
        if (Gate.Holders.Contains(campaignId))
        {
            return GateAdmission.Grant;
        }

        // Only a full gate makes anyone wait, so only then is it worth asking whether every holder still runs.
        if (IsFull)
        {
            await DropEndedAsync(campaignId, CancellationToken.None);
            if (Gate.Holders.Contains(campaignId))
            {
                return GateAdmission.Grant;
            }
        }

        var place = Gate.Waiters.IndexOf(campaignId);
        if (place >= 0)
        {
            return GateAdmission.Queued(place + 1);
        }

        // A newcomer never overtakes the queue, even when a slot looks free.
        if (!IsFull && Gate.Waiters.Count == 0)
        {
            Gate.Holders.Add(campaignId);
            await state.WriteStateAsync();
            return GateAdmission.Grant;
        }

        Gate.Waiters.Add(campaignId);
        await state.WriteStateAsync();
        return GateAdmission.Queued(Gate.Waiters.Count);
    }

    public async Task ReleaseAsync(Guid campaignId)
    {
        var wasHolder = Gate.Holders.Remove(campaignId);
        var wasWaiter = Gate.Waiters.Remove(campaignId);
        if (!wasHolder && !wasWaiter)
        {
            return;
        }

        var granted = GrantWaiters();
        await state.WriteStateAsync();
        Notify(granted);
    }

    public Task<GateSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new GateSnapshot(Gate.Limit, [.. Gate.Holders], [.. Gate.Waiters]));

    private Task SweepAsync(CancellationToken cancellationToken) =>
        Gate.Holders.Count + Gate.Waiters.Count == 0 ? Task.CompletedTask : DropEndedAsync(null, cancellationToken);

    /// <summary>
    /// Drops holders and waiters whose campaign has ended or is gone, and hands the freed slots to the queue: a release
    /// lost while a campaign ended must not keep its slot for ever. <paramref name="caller"/> learns of a grant from
    /// its own call, so it is not notified as well.
    /// </summary>
    private async Task DropEndedAsync(Guid? caller, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<Guid, CampaignStatus> statuses;
        try
        {
            statuses = await campaigns.StatusesAsync([.. Gate.Holders, .. Gate.Waiters], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A sweep is a repair, not a precondition: the acquire goes on with the gate as it is, the next sweep retries.
            logger.LogWarning(e, "Gate {Gate} could not read its campaigns' statuses", this.GetPrimaryKeyString());
            return;
        }

        bool Ended(Guid id) => !statuses.TryGetValue(id, out var status) || CampaignTransitions.IsTerminal(status);
        var ended = Gate.Holders.Concat(Gate.Waiters).Where(Ended).ToList();
        if (ended.Count == 0)
        {
            return;
        }

        foreach (var campaignId in ended)
        {
            logger.LogWarning("Gate {Gate} dropped campaign {CampaignId}: it has ended without releasing its place",
                this.GetPrimaryKeyString(), campaignId);
            Gate.Holders.Remove(campaignId);
            Gate.Waiters.Remove(campaignId);
        }

        var granted = GrantWaiters();
        await state.WriteStateAsync(cancellationToken);
        Notify(granted.Where(id => id != caller));
    }

    private List<Guid> GrantWaiters()
    {
        var granted = new List<Guid>();
        while (!IsFull && Gate.Waiters.Count > 0)
        {
            var next = Gate.Waiters[0];
            Gate.Waiters.RemoveAt(0);
            Gate.Holders.Add(next);
            granted.Add(next);
        }

        return granted;
    }

    // One-way: awaiting a waiter that may itself be calling this gate would deadlock; waiters also re-ask on their reminder.
    private void Notify(IEnumerable<Guid> granted)
    {
        foreach (var campaignId in granted)
        {
            logger.LogInformation("Gate {Gate} granted a slot to campaign {CampaignId}", this.GetPrimaryKeyString(), campaignId);
            GrainFactory.GetGrain<ICampaignGrain>(campaignId).SlotGrantedAsync().Ignore();
        }
    }
}
