using MassCampaign.Workflows.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.Gates;

public sealed class CampaignTypeGate(
    [PersistentState("gate", GrainStorageNames.Campaigns)] IPersistentState<CampaignTypeGateState> state,
    IOptions<ConcurrencyOptions> concurrency,
    ILogger<CampaignTypeGate> logger) : Grain, ICampaignTypeGate
{
    private CampaignTypeGateState Gate => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
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

        var place = Gate.Waiters.IndexOf(campaignId);
        if (place >= 0)
        {
            return GateAdmission.Queued(place + 1);
        }

        // A newcomer never overtakes the queue, even when a slot looks free.
        if (Gate.Holders.Count < Gate.Limit && Gate.Waiters.Count == 0)
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

    private List<Guid> GrantWaiters()
    {
        var granted = new List<Guid>();
        while (Gate.Holders.Count < Gate.Limit && Gate.Waiters.Count > 0)
        {
            var next = Gate.Waiters[0];
            Gate.Waiters.RemoveAt(0);
            Gate.Holders.Add(next);
            granted.Add(next);
        }

        return granted;
    }

    // One-way: awaiting a waiter that may itself be calling this gate would deadlock; waiters also re-ask on their reminder.
    private void Notify(List<Guid> granted)
    {
        foreach (var campaignId in granted)
        {
            logger.LogInformation("Gate {Gate} granted a slot to campaign {CampaignId}", this.GetPrimaryKeyString(), campaignId);
            GrainFactory.GetGrain<ICampaignGrain>(campaignId).SlotGrantedAsync().Ignore();
        }
    }
}
