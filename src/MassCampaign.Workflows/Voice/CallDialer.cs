using MassCampaign.Data.Sending;
using MassCampaign.Vonage.Voice;
using MassCampaign.Workflows.RateLimiting;
using MassCampaign.Workflows.Sending;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Dials one claimed recipient: checked and handed over right before the call is created (after its rate token),
/// never created twice for one attempt (an answer that may hide a created call is unknown, not retried).
/// </summary>
internal sealed class CallDialer(
    VonageVoiceClient voice, VoiceWebhookUrls urls, RecentOptOuts optOuts, IClock clock, TimeProvider time, TimeSpan budget,
    TimeSpan callLongest, ILogger logger)
{
    public async Task<CallDial> DialAsync(VoiceBatchRun run, ClaimedRecipient recipient)
    {
        var request = run.Request;
        if (time.GetElapsedTime(run.StartedAt) > budget)
        {
            return CallOutcomes.Released(request, recipient, clock.GetCurrentInstant(), "the batch ran out of time; it goes in a later batch");
        }

        if (!run.Permit.TryEnter())
        {
            return CallOutcomes.Released(request, recipient, clock.GetCurrentInstant(), "the campaign is no longer running");
        }

        var handed = false;
        var underWay = 0;
        try
        {
            var call = new CallCreateRequest(recipient.PhoneE164, request.From, urls.Answer(recipient.ClientRef), urls.Event(recipient.ClientRef),
                MachineDetectionOf(request.MachineDetection), request.RingingTimeoutSeconds);
            var result = await voice.CreateCallAsync(call, async ct =>
            {
                var whyNot = await SendClearance.WhyNotAsync(run.Checks, run.Journal, recipient, ct);
                if (whyNot is null && !optOuts.TryEnter(recipient.PhoneE164))
                {
                    whyNot = "the number opted out while its call was being cleared";
                }

                handed |= whyNot is null;
                underWay += whyNot is null ? 1 : 0;
                return whyNot;
            }, CancellationToken.None);
            if (result.AccountRefusalReason is { } refusal)
            {
                run.Permit.RefuseAccount(refusal);
            }

            return CallOutcomes.From(request, recipient, result, clock.GetCurrentInstant(), callLongest);
        }
        catch (RateGateUnavailableException e)
        {
            return CallOutcomes.Released(request, recipient, clock.GetCurrentInstant(), e.Message);
        }
        catch (Exception e) when (!handed)
        {
            return CallOutcomes.Released(request, recipient, clock.GetCurrentInstant(), $"not dialled: {e.Message}");
        }
        catch (Exception e)
        {
            // Past its handover the call may exist: never dial it again blindly.
            logger.LogWarning(e, "Call {ClientRef} failed in an unexpected way; recording it as unknown", recipient.ClientRef);
            return CallOutcomes.Unknown(request, recipient, clock.GetCurrentInstant(), e.Message);
        }
        finally
        {
            for (; underWay > 0; underWay--)
            {
                optOuts.Leave(recipient.PhoneE164);
            }

            run.Permit.Leave();
        }
    }

    private static VoiceMachineDetection MachineDetectionOf(string wire) => wire switch
    {
        "hangup" => VoiceMachineDetection.Hangup,
        "off" => VoiceMachineDetection.Off,
        _ => VoiceMachineDetection.LeaveMessage,
    };
}
