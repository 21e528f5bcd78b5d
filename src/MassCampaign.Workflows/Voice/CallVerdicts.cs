using MassCampaign.Data.Voice;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Applies what call events decide: reads every stored event of the given attempts with their recipients, lets
/// <see cref="CallVerdictRules"/> decide each, and writes the verdicts in one transaction. Run after each event is
/// stored, after a batch records its dials (events may come first), and when an overdue call is settled, so every
/// arrival order reaches the same state.
/// </summary>
public sealed class CallVerdicts(CallEventStore store, TimeProvider time)
{
    public async Task ApplyAsync(IReadOnlyCollection<(long RecipientId, string ClientRef)> attempts, CancellationToken ct)
    {
        if (attempts.Count == 0)
        {
            return;
        }

        var (events, states) = await store.LoadAsync(attempts, ct);
        var byAttempt = events.ToLookup(e => e.ClientRef, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var verdicts = states
            .Select(state => CallVerdictRules.Decide(state, byAttempt[state.ClientRef].ToArray(), now))
            .OfType<CallVerdict>()
            .ToArray();
        await store.ApplyAsync(verdicts, ct);
    }
}
