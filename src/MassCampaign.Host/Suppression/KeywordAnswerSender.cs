using MassCampaign.Data.Suppression;
using MassCampaign.Vonage.Sms;

namespace MassCampaign.Host.Suppression;

/// <summary>
/// Sends queued keyword answers (opt-out confirmations, help texts) through the Vonage SMS client. An answer the
/// provider may or may not have taken is never sent again: a contact who opted out gets at most one message.
/// Refusals that certainly did not send are retried with backoff.
/// </summary>
public sealed class KeywordAnswerSender(
    SmsOutbox outbox, VonageSmsClient sms, KeywordAnswerSignal signal, ILogger<KeywordAnswerSender> logger)
    : BackgroundService
{
    private const int BatchSize = 20;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    // Longer than one send with all its retries: a claimed answer is not picked up by another host meanwhile.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<OutboxMessage> claimed = [];
                try
                {
                    claimed = await outbox.ClaimDueAsync(BatchSize, Lease, stoppingToken);
                    await Task.WhenAll(claimed.Select(answer => SendAsync(answer, stoppingToken)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    KeywordAnswerLog.SweepFailed(logger, e);
                }

                if (claimed.Count < BatchSize)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: claimed answers become due again when their lease ends.
        }
    }

    private async Task SendAsync(OutboxMessage answer, CancellationToken ct)
    {
        var result = await sms.SendAsync(new SmsSendRequest(answer.From, answer.To, answer.Body, $"kw-{answer.Id}"), ct);
        var error = result.ErrorText ?? result.Outcome.ToString();
        switch (result.Outcome)
        {
            case SmsSendOutcome.Accepted or SmsSendOutcome.PartiallyAccepted:
                await outbox.MarkSentAsync(answer.Id, result.MessageIds.FirstOrDefault(), CancellationToken.None);
                break;
            case SmsSendOutcome.Ambiguous:
                KeywordAnswerLog.Uncertain(logger, answer.Kind, answer.To, error);
                await outbox.MarkUncertainAsync(answer.Id, error, CancellationToken.None);
                break;
            case SmsSendOutcome.Throttled or SmsSendOutcome.Transient when answer.Attempts < MaxAttempts:
                await outbox.RetryLaterAsync(answer.Id, result.RetryAfter ?? Backoff(answer.Attempts), error, CancellationToken.None);
                break;
            default:
                KeywordAnswerLog.Failed(logger, answer.Kind, answer.To, error);
                await outbox.MarkFailedAsync(answer.Id, error, CancellationToken.None);
                break;
        }
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), MaxBackoff.TotalSeconds));
}
