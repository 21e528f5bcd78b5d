using MassCampaign.Data.Sending;
using MassCampaign.Workflows.Sending;

namespace MassCampaign.Workflows.Voice;

/// <summary>One batch of calls as it runs: what each dial checks against, and what each came to.</summary>
internal sealed class VoiceBatchRun(
    VoiceBatchRequest request, SendPermit permit, SendChecks checks, HandoverJournal journal, int size, long startedAt)
{
    public VoiceBatchRequest Request { get; } = request;

    public SendPermit Permit { get; } = permit;

    public SendChecks Checks { get; } = checks;

    public HandoverJournal Journal { get; } = journal;

    public long StartedAt { get; } = startedAt;

    public CallDial[] Dials { get; } = new CallDial[size];

    public SendBatchResult Summarize()
    {
        int Count(SendOutcomeKind kind) => Dials.Count(d => d.Outcome.Kind == kind);
        return new SendBatchResult(
            Dials.Length,
            Count(SendOutcomeKind.Accepted),
            Count(SendOutcomeKind.Retry),
            Count(SendOutcomeKind.Permanent),
            Count(SendOutcomeKind.Ambiguous),
            null,
            Count(SendOutcomeKind.Released),
            Dials.Select(d => d.AccountRefusal).FirstOrDefault(r => r is not null));
    }
}
