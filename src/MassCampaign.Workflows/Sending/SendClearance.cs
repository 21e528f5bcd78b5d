using MassCampaign.Data.Sending;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// The last word before a request leaves, after its rate token, for SMS and calls alike: the recipient checked
/// (campaign running, window open, not opted out), then its handover made durable, so a crash from here on leaves it
/// unknown rather than unsent.
/// </summary>
internal static class SendClearance
{
    /// <returns>Null when the request may leave, else why not.</returns>
    public static async ValueTask<string?> WhyNotAsync(SendChecks checks, HandoverJournal journal, ClaimedRecipient recipient, CancellationToken ct)
    {
        if (await checks.WhyNotAsync(recipient, ct) is { } whyNot)
        {
            return whyNot;
        }

        try
        {
            await journal.HandOverAsync(recipient.Position);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"its handover could not be recorded ({e.Message})";
        }
    }
}
