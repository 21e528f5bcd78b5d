using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Calls still in progress past their deadline: Vonage does not retry plain status events, so one lost while a host
/// was down would hold the call open for ever. The provider is asked (GET /v1/calls/{uuid}, or for a call whose
/// creation went unanswered the account's calls of that time) and its answer is stored as the event that never came; a
/// call still alive gets a new deadline.
/// </summary>
public sealed class CallSettler(
    CallRepository calls, CallEventStore events, CallVerdicts verdicts, VonageVoiceClient voice, UnnamedCallFinder unnamedCalls,
    ILogger<CallSettler> logger)
{
    private const int PerRound = 50;
    private static readonly TimeSpan StillAlive = TimeSpan.FromMinutes(5);

    public async Task<int> SettleOverdueAsync(Guid campaignId, Instant now, CancellationToken ct)
    {
        var overdue = await calls.OverdueAsync(campaignId, now.ToDateTimeOffset(), PerRound, ct);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var found = await unnamedCalls.FindAsync(overdue.Where(c => c.CallUuid is null).ToList(), ct);
        var settled = new List<CallEventRecord>();
        var alive = new List<string>();
        var unmade = new List<string>();
        foreach (var call in overdue)
        {
            if (call.CallUuid is null && found is not null && !found.ContainsKey(call.ClientRef))
            {
                // The creation went unanswered and the provider has no such call: nobody was rung.
                unmade.Add(call.ClientRef);
                continue;
            }

            var (known, info) = call.CallUuid is { } uuid ? await AskAsync(uuid, ct) : (true, found?.GetValueOrDefault(call.ClientRef));
            if (known && info is not { IsFinal: true })
            {
                // Still alive, or the provider could not be asked: look again later rather than guess.
                alive.Add(call.ClientRef);
                continue;
            }

            // Over at the provider, or a uuid it no longer knows (then the call cannot have connected).
            settled.AddRange(info is null
                ? [new CallEventRecord(call.ClientRef, call.CallUuid!, "failed", "no event and unknown to the provider", null, "{}")]
                : ProviderCallEvent.From(info, call.ClientRef));
        }

        if (alive.Count > 0)
        {
            await calls.PostponeAsync(alive, now.ToDateTimeOffset() + StillAlive, ct);
        }

        if (unmade.Count > 0)
        {
            logger.LogInformation("Campaign {CampaignId}: {Count} call creations went unanswered and the provider has no such call; the unknown policy decides",
                campaignId, unmade.Count);
            await calls.EndUnmadeAsync(unmade, now.ToDateTimeOffset(), ct);
        }

        var attempts = settled.Select(e => e.ClientRef).Distinct(StringComparer.Ordinal).ToArray();
        if (attempts.Length > 0)
        {
            logger.LogInformation("Campaign {CampaignId}: {Count} calls had no final event in time; settled from the provider", campaignId, attempts.Length);
            await events.StoreAsync(settled, ct);
            await verdicts.ApplyAsync(attempts.Select(clientRef => (RecipientIdOf(clientRef), clientRef)).ToArray(), ct);
        }

        return attempts.Length + alive.Count + unmade.Count;
    }

    /// <returns>Known false when the provider does not know the call; an unreadable answer counts as known and alive.</returns>
    private async Task<(bool Known, VoiceCallInfo? Info)> AskAsync(string callUuid, CancellationToken ct)
    {
        try
        {
            var info = await voice.GetCallAsync(callUuid, ct);
            return (info is not null, info);
        }
        catch (VonageVoiceException e)
        {
            logger.LogWarning(e, "Asking Vonage about call {CallUuid} failed; it stays in progress", callUuid);
            return (true, null);
        }
    }

    internal static long RecipientIdOf(string clientRef) => long.Parse(clientRef.AsSpan(0, clientRef.IndexOf('-')), System.Globalization.CultureInfo.InvariantCulture);
}
