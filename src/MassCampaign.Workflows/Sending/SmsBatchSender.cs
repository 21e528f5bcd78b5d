using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Sending;
using MassCampaign.Domain.Messaging;
using MassCampaign.Domain.Telemetry;
using MassCampaign.Vonage.Sms;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Orleans.Concurrency;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// Claims a batch, sends it with bounded parallelism under the account's rate gate, and records the outcomes as they
/// come, in chunks written while the batch sends (<see cref="OutcomeJournal"/>). Each request is checked right before it
/// leaves (<see cref="SendChecks"/>) and its handover recorded first (<see cref="HandoverJournal"/>), so whatever did
/// not leave is known unsent. Reentrant, so one activation carries many campaigns' batches at once; the sends run on
/// the thread pool, off the grain's scheduler.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class SmsBatchSender(
    ISendPathRepository sendPath,
    VonageSmsClient sms,
    SendPermits permits,
    RecentOptOuts optOuts,
    IClock clock,
    TimeProvider time,
    IOptions<SendPathOptions> options,
    ILogger<SmsBatchSender> logger) : Grain, ISmsBatchSender
{
    private const int RecordAttempts = 3;

    public async Task<SendBatchResult> SendAsync(SmsBatchRequest request)
    {
        if (!SmsTemplate.TryParse(request.Template, out var template, out var error))
        {
            return SendBatchResult.Empty with { FatalError = $"The SMS template cannot be used: {error}" };
        }

        var permit = permits.For(request.CampaignId);
        if (!permit.IsOpen)
        {
            return SendBatchResult.Empty;
        }

        var claimed = await sendPath.ClaimTracedAsync(request.CampaignId, request.FollowUps, request.OpenZoneKeys, request.Limit, request.Now);
        if (claimed.Count == 0)
        {
            return SendBatchResult.Empty;
        }

        // The claimed recipients' requests and the write of their outcomes: HTTP spans to Vonage nest under it.
        using var sending = MassCampaignTelemetry.StartCampaignActivity("sms.send", request.CampaignId);

        var checks = new SendChecks(permit, CallingWindowJson.Parse(request.CallingWindowJson), optOuts, clock);
        var concurrency = Math.Max(1, options.Value.RequestsInFlightPerBatch);
        var journal = new HandoverJournal(sendPath, claimed[0].BatchId, claimed.Count, concurrency);
        var batch = new BatchRun(request, template, permit, checks, journal, claimed.Count, time.GetTimestamp());
        var recorded = new OutcomeJournal(sendPath, claimed[0].BatchId, request.UnknownResolveAfter, time, logger);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, TaskScheduler = TaskScheduler.Default };
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), parallel, async (i, _) =>
            recorded.Record(batch.Outcomes[i] = await SendOneAsync(batch, claimed[i])));

        await RecordAsync(await recorded.DrainAsync(), new BatchSettlement(claimed[0].BatchId, request.UnknownResolveAfter));
        return Summarize(batch);
    }

    // The batch row, and any outcome the journal could not write, stay until this succeeds: worth a few tries.
    private async Task RecordAsync(IReadOnlyList<SendOutcome> outcomes, BatchSettlement settlement)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sendPath.RecordOutcomesAsync(outcomes, settlement, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < RecordAttempts && e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Recording a batch of {Count} outcomes failed (attempt {Attempt}); retrying", outcomes.Count, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time);
            }
        }
    }

    private async Task<SendOutcome> SendOneAsync(BatchRun batch, ClaimedRecipient recipient)
    {
        var message = SmsMessageDraft.Render(batch.Request.CampaignId, batch.Request.Sender, batch.Template, recipient);
        if (time.GetElapsedTime(batch.StartedAt) > options.Value.BatchBudget)
        {
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), "the batch ran out of time; it goes in a later batch");
        }

        if (!batch.Permit.TryEnter())
        {
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), "the campaign is no longer running");
        }

        var handed = false;
        var underWay = 0;
        try
        {
            var request = new SmsSendRequest(message.Sender, recipient.PhoneE164, message.Body, recipient.ClientRef);
            var result = await sms.SendAsync(request, async ct =>
            {
                var whyNot = await SendClearance.WhyNotAsync(batch.Checks, batch.Journal, recipient, ct);
                if (whyNot is null && !optOuts.TryEnter(recipient.PhoneE164))
                {
                    whyNot = "the number opted out while its request was being cleared";
                }

                handed |= whyNot is null;
                underWay += whyNot is null ? 1 : 0;
                return whyNot;
            }, CancellationToken.None);
            return Fold(batch, message, result);
        }
        catch (RateGateUnavailableException e)
        {
            return SmsOutcomes.Retry(message, clock.GetCurrentInstant(), null, null, e.Message);
        }
        catch (ArgumentException e)
        {
            return SmsOutcomes.Outcome(message, SendOutcomeKind.Permanent, "invalid-request", e.Message);
        }
        catch (Exception e) when (!handed)
        {
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), $"not sent: {e.Message}");
        }
        catch (Exception e)
        {
            // Past its handover the request may have left: never resend blindly.
            logger.LogWarning(e, "SMS {ClientRef} failed in an unexpected way; recording it as unknown", recipient.ClientRef);
            return SmsOutcomes.Outcome(message, SendOutcomeKind.Ambiguous, null, e.Message);
        }
        finally
        {
            for (; underWay > 0; underWay--)
            {
                optOuts.Leave(recipient.PhoneE164);
            }

            batch.Permit.Leave();
        }
    }

    private SendOutcome Fold(BatchRun batch, SmsMessageDraft message, SmsSendResult result)
    {
        if (result.AccountRefusalReason is { } refusal)
        {
            batch.Permit.RefuseAccount(refusal);
            batch.AccountRefusal ??= refusal;
        }

        return result.Outcome switch
        {
            SmsSendOutcome.NotSent or SmsSendOutcome.AccountRefused =>
                SmsOutcomes.Released(message, clock.GetCurrentInstant(), result.ErrorText ?? "not sent"),
            _ => SmsOutcomes.From(message, result, clock.GetCurrentInstant()),
        };
    }

    private static SendBatchResult Summarize(BatchRun batch)
    {
        int Count(SendOutcomeKind kind) => batch.Outcomes.Count(o => o.Kind == kind);
        return new SendBatchResult(
            batch.Outcomes.Length,
            Count(SendOutcomeKind.Accepted),
            Count(SendOutcomeKind.Retry),
            Count(SendOutcomeKind.Permanent),
            Count(SendOutcomeKind.Ambiguous),
            null,
            Count(SendOutcomeKind.Released),
            batch.AccountRefusal);
    }

    private sealed class BatchRun(
        SmsBatchRequest request, SmsTemplate template, SendPermit permit, SendChecks checks, HandoverJournal journal, int size, long startedAt)
    {
        public SmsBatchRequest Request { get; } = request;

        public SmsTemplate Template { get; } = template;

        public SendPermit Permit { get; } = permit;

        public SendChecks Checks { get; } = checks;

        public HandoverJournal Journal { get; } = journal;

        public long StartedAt { get; } = startedAt;

        public SendOutcome[] Outcomes { get; } = new SendOutcome[size];

        /// <summary>Set by the first send the provider refused for the whole account; the campaign pauses with it.</summary>
        public volatile string? AccountRefusal;
    }
}
