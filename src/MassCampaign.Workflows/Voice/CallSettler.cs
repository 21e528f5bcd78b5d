using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Calls still in progress past their deadline: Vonage does not retry plain status events, so one lost while a host
/// was down would hold the call open for ever. The provider is asked (GET /v1/calls/{uuid}) and its answer is stored
/// as the event that never came; a call still alive gets a new deadline.
/// </summary>
public sealed class CallSettler(CallRepository calls, CallEventStore events, CallVerdicts verdicts, VonageVoiceClient voice, ILogger<CallSettler> logger)
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

        var settled = new List<CallEventRecord>();
        var alive = new List<string>();
        foreach (var (clientRef, callUuid) in overdue)
        {
            var (known, info) = callUuid is null ? (false, null) : await AskAsync(callUuid, ct);
            if (known && info is not { IsFinal: true })
            {
                // Still alive, or the provider could not be asked: look again later rather than guess.
                alive.Add(clientRef);
                continue;
            }

            // No uuid, or one the provider does not know: no call exists; the recipient's unknown policy decides.
            settled.Add(info is null
                ? new CallEventRecord(clientRef, callUuid ?? $"unknown:{clientRef}", "failed", "no event and unknown to the provider", null, "{}")
                : ProviderCallEvent.From(info, clientRef));
        }

        if (alive.Count > 0)
        {
            await calls.PostponeAsync(alive, now.ToDateTimeOffset() + StillAlive, ct);
        }

        if (settled.Count > 0)
        {
            logger.LogInformation("Campaign {CampaignId}: {Count} calls had no final event in time; settled from the provider", campaignId, settled.Count);
            await events.StoreAsync(settled, ct);
            await verdicts.ApplyAsync(settled.Select(e => (RecipientIdOf(e.ClientRef), e.ClientRef)).ToArray(), ct);
        }

        return settled.Count + alive.Count;
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
