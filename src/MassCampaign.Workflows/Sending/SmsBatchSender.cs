using MassCampaign.Data.Sending;
using MassCampaign.Domain.Messaging;
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
/// Claims a batch, sends it with bounded parallelism under the account's rate gate, and records every outcome in one
/// bulk write. Reentrant, so one activation carries many campaigns' batches at once; the sends run on the thread
/// pool, off the grain's scheduler.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class SmsBatchSender(
    ISendPathRepository sendPath,
    VonageSmsClient sms,
    IClock clock,
    TimeProvider time,
    IOptions<SendPathOptions> options,
    ILogger<SmsBatchSender> logger) : Grain, ISmsBatchSender
{
    private const int RecordAttempts = 3;

    public async Task<SmsBatchResult> SendAsync(SmsBatchRequest request)
    {
        if (!SmsTemplate.TryParse(request.Template, out var template, out var error))
        {
            return SmsBatchResult.Empty with { FatalError = $"The SMS template cannot be used: {error}" };
        }

        var claimed = await sendPath.ClaimBatchAsync(request.CampaignId, [.. request.OpenZoneKeys], request.Limit, request.Now, CancellationToken.None);
        if (claimed.Count == 0)
        {
            return SmsBatchResult.Empty;
        }

        var batch = new BatchRun(request, template, claimed.Count, time.GetTimestamp());
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Value.RequestsInFlightPerBatch),
            TaskScheduler = TaskScheduler.Default,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), parallel, async (i, _) =>
            batch.Outcomes[i] = await SendOneAsync(batch, claimed[i]));

        await RecordAsync(batch.Outcomes);
        return Summarize(batch);
    }

    // The rows stay 'sending' until this succeeds, so a passing database fault is worth a few tries.
    private async Task RecordAsync(SendOutcome[] outcomes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sendPath.RecordOutcomesAsync(outcomes, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < RecordAttempts && e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Recording a batch of {Count} outcomes failed (attempt {Attempt}); retrying", outcomes.Length, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time);
            }
        }
    }

    private async Task<SendOutcome> SendOneAsync(BatchRun batch, ClaimedRecipient recipient)
    {
        var message = SmsMessageDraft.Render(batch.Request.CampaignId, batch.Request.Sender, batch.Template, recipient);
        if (batch.FatalError is not null)
        {
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), "Not sent: the provider refused the account.");
        }

        if (time.GetElapsedTime(batch.StartedAt) > options.Value.BatchBudget)
        {
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), "Not sent yet: the batch ran out of time; it goes in a later batch.");
        }

        SmsSendResult result;
        try
        {
            result = await sms.SendAsync(new SmsSendRequest(message.Sender, recipient.PhoneE164, message.Body, recipient.ClientRef), CancellationToken.None);
        }
        catch (RateGateUnavailableException e)
        {
            return SmsOutcomes.Retry(message, clock.GetCurrentInstant(), null, null, e.Message);
        }
        catch (ArgumentException e)
        {
            return SmsOutcomes.Outcome(message, SendOutcomeKind.Permanent, "invalid-request", e.Message);
        }
        catch (Exception e)
        {
            // Past validation and the gate the request may have left: never resend blindly.
            logger.LogWarning(e, "SMS {ClientRef} failed in an unexpected way; recording it as unknown", recipient.ClientRef);
            return SmsOutcomes.Outcome(message, SendOutcomeKind.Ambiguous, null, e.Message);
        }

        if (SmsOutcomes.IsAccountRejected(result))
        {
            batch.FatalError ??= $"Vonage rejected the account credentials ({result.ErrorText}).";
            return SmsOutcomes.Released(message, clock.GetCurrentInstant(), result.ErrorText ?? "The provider refused the account.");
        }

        return SmsOutcomes.From(message, result, clock.GetCurrentInstant());
    }

    private static SmsBatchResult Summarize(BatchRun batch)
    {
        int Count(SendOutcomeKind kind) => batch.Outcomes.Count(o => o.Kind == kind);
        return new SmsBatchResult(
            batch.Outcomes.Length,
            Count(SendOutcomeKind.Accepted),
            Count(SendOutcomeKind.Retry),
            Count(SendOutcomeKind.Permanent),
            Count(SendOutcomeKind.Ambiguous),
            batch.FatalError);
    }

    private sealed class BatchRun(SmsBatchRequest request, SmsTemplate template, int size, long startedAt)
    {
        public SmsBatchRequest Request { get; } = request;

        public SmsTemplate Template { get; } = template;

        public long StartedAt { get; } = startedAt;

        public SendOutcome[] Outcomes { get; } = new SendOutcome[size];

        /// <summary>Set by the first send that finds the account refused; later sends in the batch are not attempted.</summary>
        public volatile string? FatalError;
    }
}
