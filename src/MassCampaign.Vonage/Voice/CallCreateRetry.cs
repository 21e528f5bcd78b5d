using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MassCampaign.Vonage.Voice;

/// <summary>
/// When a call creation is tried again: only answers that created nothing (throttled, transient), within the account's
/// attempts, waiting what Vonage asked when it said, and never longer than <see cref="VonageOptions.MaxThrottleWait"/>.
/// </summary>
internal static class CallCreateRetry
{
    public static ResiliencePipeline<CallCreateResult> Build(VonageOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<CallCreateResult> { TimeProvider = time };
        if (options.VoiceMaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<CallCreateResult>
            {
                MaxRetryAttempts = options.VoiceMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { Outcome: CallCreateOutcome.Throttled or CallCreateOutcome.Transient } result
                    && (result.RetryAfter is null || result.RetryAfter <= options.MaxThrottleWait)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    VonageVoiceLog.Retrying(logger, args.Outcome.Result?.Outcome, args.Outcome.Result?.ErrorText, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
