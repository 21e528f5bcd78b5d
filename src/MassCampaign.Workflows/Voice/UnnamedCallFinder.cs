using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Finds at the provider the calls whose creation went unanswered (timeout, cut connection) and whose events never
/// came either: the account's calls around the time the dial was recorded (<c>GET /v1/calls</c>), matched by number to
/// a call no calls row owns yet. Without this, such a call would count as never made, and a retry would ring the
/// callee a second time.
/// </summary>
public sealed class UnnamedCallFinder(CallRepository calls, VonageVoiceClient voice, ILogger<UnnamedCallFinder> logger)
{
    // A dial is recorded when its batch ends: up to the client's timeout, and the batch's other calls, after the request.
    private static readonly TimeSpan Before = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(1);

    /// <returns>The provider's call by client-ref for those it found; null when the provider could not be asked.</returns>
    public async Task<IReadOnlyDictionary<string, VoiceCallInfo>?> FindAsync(IReadOnlyList<OverdueCall> unnamed, CancellationToken ct)
    {
        var found = new Dictionary<string, VoiceCallInfo>(StringComparer.Ordinal);
        if (unnamed.Count == 0)
        {
            return found;
        }

        IReadOnlyList<VoiceCallInfo> listed;
        try
        {
            listed = await voice.ListCallsAsync(unnamed.Min(c => c.RecordedAt) - Before, unnamed.Max(c => c.RecordedAt) + After, ct);
        }
        catch (VonageVoiceException e)
        {
            logger.LogWarning(e, "Listing Vonage's calls failed; {Count} calls whose creation went unanswered stay in progress", unnamed.Count);
            return null;
        }

        var known = await calls.KnownUuidsAsync(listed.Select(c => c.Uuid).ToList(), ct);
        var byNumber = listed
            .Where(c => c.To is not null && !known.Contains(c.Uuid))
            .GroupBy(c => c.To!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<VoiceCallInfo>(g), StringComparer.Ordinal);
        foreach (var call in unnamed.OrderBy(c => c.RecordedAt))
        {
            // Listed oldest first: an earlier unnamed dial of the same number takes the earlier call.
            if (byNumber.TryGetValue(call.ToPhone.TrimStart('+'), out var candidates) && candidates.TryDequeue(out var match))
            {
                found[call.ClientRef] = match;
            }
        }

        return found;
    }
}
