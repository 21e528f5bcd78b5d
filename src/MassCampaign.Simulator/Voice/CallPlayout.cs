using System.Text.Json;
using System.Text.Json.Nodes;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// Plays one call out the way Vonage reports it (VONAGE.md §6.5): <c>started</c>, <c>ringing</c>, then by its outcome
/// <c>failed</c>, <c>busy</c> or <c>timeout</c> as the final event; or <c>answered</c>, the NCCO fetched, the
/// machine-detection result, the NCCO played and <c>completed</c>. A hang-up or the length timer ends the call with
/// <c>completed</c> wherever it had got to; a reset or shutdown ends it silently.
/// </summary>
internal sealed class CallPlayout(VoiceCallbacks callbacks, VoiceCounters counters, Func<SimulatorSettings> settings, TimeProvider time)
{
    private readonly NccoPlayer _ncco = new(callbacks, counters, settings, time);

    public async Task RunAsync(SimulatedCall call, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(call.HangUpToken, stopping);
        try
        {
            await PlayAsync(call, ended.Token, stopping);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && !call.Discarded)
        {
            await EndAsync(call, now => CallEvents.Completed(call, now), stopping);
        }
        catch (OperationCanceledException)
        {
            // Reset or shutdown: the call is dropped with nothing more posted.
        }
    }

    // Events are posted on the shutdown token alone: a hang-up stops what comes next, not an event already on its way.
    private async Task PlayAsync(SimulatedCall call, CancellationToken ended, CancellationToken stopping)
    {
        await PostAsync(call, CallEvents.Status(call, "started", time.GetUtcNow()), stopping);
        ended.ThrowIfCancellationRequested();
        await PostAsync(call, CallEvents.Status(call, "ringing", time.GetUtcNow()), stopping);
        if (call.Outcome == CallOutcome.Failed)
        {
            await EndAsync(call, now => CallEvents.Failed(call, "cannot_route", now), stopping);
            return;
        }

        // It rings answerDelayMs, cut short by the call's ringing_timer: an answer due after that is a timeout, as at Vonage.
        var answerAfter = TimeSpan.FromMilliseconds(settings().Voice.AnswerDelayMs);
        var ringing = answerAfter < call.Request.RingingTimer ? answerAfter : call.Request.RingingTimer;
        await Task.Delay(ringing, time, ended);
        var unanswered = call.Outcome switch
        {
            CallOutcome.Busy => "busy",
            CallOutcome.NoAnswer => "timeout",
            _ when answerAfter >= call.Request.RingingTimer => "timeout",
            _ => null,
        };
        if (unanswered is not null)
        {
            await EndAsync(call, now => CallEvents.Status(call, unanswered, now), stopping);
            return;
        }

        call.AnsweredAt = time.GetUtcNow();
        await PostAsync(call, CallEvents.Answered(call, call.AnsweredAt.Value), stopping);
        using var lengthTimer = new CancellationTokenSource(call.Request.LengthTimer, time);
        using var connected = CancellationTokenSource.CreateLinkedTokenSource(ended, lengthTimer.Token);
        await ConnectedAsync(call, connected.Token, stopping);
        await EndAsync(call, now => CallEvents.Completed(call, now), stopping);
    }

    private async Task ConnectedAsync(SimulatedCall call, CancellationToken ended, CancellationToken stopping)
    {
        var ncco = call.Request.Ncco ?? await FetchAnswerAsync(call, ended);
        if (ncco is null)
        {
            // No NCCO, no call: Vonage ends it, and the host hears failed before the summary.
            await PostAsync(call, CallEvents.Status(call, "failed", time.GetUtcNow()), stopping);
            return;
        }

        var machine = call.Outcome == CallOutcome.Machine;
        if (call.Request.MachineDetection is { } detection)
        {
            await PostAsync(call, CallEvents.Detected(call, machine, time.GetUtcNow()), stopping);
            if (machine && detection.HangUpOnMachine)
            {
                return;
            }
        }

        counters.Heard("+" + call.Request.To, ncco.Value);
        await _ncco.PlayAsync(call, ncco.Value, ended);
    }

    // Timed as Vonage waits for it: from the request leaving to the NCCO read, retries included.
    private async Task<JsonElement?> FetchAnswerAsync(SimulatedCall call, CancellationToken ended)
    {
        var started = time.GetTimestamp();
        var ncco = await callbacks.FetchNccoAsync(call.Request.AnswerMethod, call.Request.AnswerUrl!, CallEvents.AnswerRequest(call), ended);
        counters.AnswerFetched(time.GetElapsedTime(started));
        return ncco;
    }

    private Task EndAsync(SimulatedCall call, Func<DateTimeOffset, JsonObject> finalEvent, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        call.EndedAt = now;
        return PostAsync(call, finalEvent(now), stopping);
    }

    private Task PostAsync(SimulatedCall call, JsonObject body, CancellationToken stopping)
    {
        call.Status = body["status"]!.GetValue<string>();
        return VoiceLosses.LosesEvents(settings().Voice, call.Request.To)
            ? Task.CompletedTask
            : callbacks.PostEventAsync(call.Request, body, stopping);
    }
}
