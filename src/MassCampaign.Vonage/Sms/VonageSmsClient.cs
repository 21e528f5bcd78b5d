using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassCampaign.Vonage.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MassCampaign.Vonage.Sms;

/// <summary>
/// Sends one SMS through <c>POST /sms/json</c>. Retries, each time through the rate gate, what Vonage answered it did
/// not take: HTTP 429 and status 1 after the wait Vonage asked for, HTTP 5xx, status 5/10 and failed connections with
/// exponential backoff and jitter (DESIGN.md §4 rule 4). A timeout or drop after sending comes back Ambiguous, never resent.
/// </summary>
public sealed class VonageSmsClient
{
    private readonly HttpClient _http;
    private readonly VonageOptions _options;
    private readonly IRequestRateGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<VonageSmsClient> _logger;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline<SmsSendResult> _retry;

    public VonageSmsClient(
        HttpClient http,
        IOptions<VonageOptions> options,
        IRequestRateGate gate,
        TimeProvider time,
        ILogger<VonageSmsClient> logger)
    {
        _http = http;
        _options = options.Value;
        _gate = gate;
        _time = time;
        _logger = logger;
        _endpoint = new Uri(WithTrailingSlash(_options.BaseUrl), "sms/json");
        var credentials = Encoding.UTF8.GetBytes($"{_options.ApiKey}:{_options.ApiSecret}");
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        _retry = BuildRetry();
    }

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> only when cancelled before anything could have been sent;
    /// a cancellation while an answer is awaited yields Ambiguous, because the SMS may already be on its way.
    /// </summary>
    public Task<SmsSendResult> SendAsync(SmsSendRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, null, cancellationToken);

    /// <param name="preflight">
    /// Asked right before each attempt leaves, after its rate token: null to send, else why not (the result is then
    /// NotSent, and nothing left). The caller's last word on whether this request may still go.
    /// </param>
    public async Task<SmsSendResult> SendAsync(SmsSendRequest request, SmsPreflight? preflight, CancellationToken cancellationToken)
    {
        SmsRequestForm.Validate(request);
        var send = new SendState(this, SmsRequestForm.Build(request), preflight);
        var result = await _retry.ExecuteAsync(static (state, ct) => state.Client.AttemptAsync(state, ct), send, cancellationToken);
        if (result.Outcome == SmsSendOutcome.Ambiguous)
        {
            VonageSmsLog.Ambiguous(_logger, request.ClientRef, result.ErrorText);
        }

        if (result.Parts.FirstOrDefault(p => !SmsStatusClassification.IsKnown(p.Status)) is { } unknown)
        {
            VonageSmsLog.UnknownStatus(_logger, request.ClientRef, unknown.Status, unknown.ErrorText);
        }

        return result with { Attempts = send.Attempts };
    }

    private ResiliencePipeline<SmsSendResult> BuildRetry()
    {
        var builder = new ResiliencePipelineBuilder<SmsSendResult> { TimeProvider = _time };
        if (_options.SmsMaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<SmsSendResult>
            {
                MaxRetryAttempts = _options.SmsMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } result && ShouldRetry(result)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    VonageSmsLog.Retrying(_logger, args.Outcome.Result?.Outcome, args.Outcome.Result?.ErrorText, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    // Throttled and Transient are only ever built when Vonage did not take the SMS, or answered 5xx, which counts as not.
    private bool ShouldRetry(SmsSendResult result) =>
        result.Outcome is SmsSendOutcome.Throttled or SmsSendOutcome.Transient
        && (result.RetryAfter is null || result.RetryAfter <= _options.MaxThrottleWait);

    private async ValueTask<SmsSendResult> AttemptAsync(SendState send, CancellationToken cancellationToken)
    {
        var waiting = _time.GetTimestamp();
        await _gate.WaitAsync(cancellationToken);
        ProviderMetrics.RateLimitWaited("sms", _time.GetElapsedTime(waiting));
        if (send.Preflight is not null && await send.Preflight(cancellationToken) is { } whyNot)
        {
            return SmsSendResult.Failed(SmsSendOutcome.NotSent, $"Not sent: {whyNot}.");
        }

        send.Attempts++;
        var started = _time.GetTimestamp();
        var result = await ExchangeAsync(send, cancellationToken);
        ProviderMetrics.Answered("sms", result.Outcome.ToString(), Code(result), _time.GetElapsedTime(started));
        return result;
    }

    private static string? Code(SmsSendResult result) =>
        result.VonageStatus is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : result.HttpStatus is { } http ? $"http-{http}"
        : null;

    /// <summary>One HTTP exchange: the request sent, the answer read into a result.</summary>
    private async Task<SmsSendResult> ExchangeAsync(SendState send, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new FormUrlEncodedContent(send.Fields) };
        message.Headers.Authorization = _authorization;
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return await ReadAsync(response, linked.Token);
        }
        // Each of these fails before the request is written: nothing reached Vonage.
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError
                                                 or HttpRequestError.NameResolutionError
                                                 or HttpRequestError.SecureConnectionError)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Transient, $"Could not connect to Vonage: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Ambiguous, $"The connection failed after the request was sent: {e.Message}");
        }
        catch (IOException e)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Ambiguous, $"The answer was cut off: {e.Message}");
        }
        catch (OperationCanceledException e) when (IsConnectTimeout(e, timeout.Token, cancellationToken))
        {
            return SmsSendResult.Failed(SmsSendOutcome.Transient, $"Could not connect to Vonage: {e.InnerException?.Message}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Ambiguous, $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException e)
        {
            var why = cancellationToken.IsCancellationRequested ? "Cancelled while waiting for Vonage's answer." : e.Message;
            return SmsSendResult.Failed(SmsSendOutcome.Ambiguous, why);
        }
    }

    private async Task<SmsSendResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var hint = ThrottleHint.FromRetryAfter(response.Headers, _time.GetUtcNow());
            return SmsSendResult.Failed(SmsSendOutcome.Throttled, "HTTP 429 Too Many Requests.", status, hint);
        }

        // Vonage answered that it failed, so the SMS is treated as not taken (a product decision): retried, then
        // handed back as Transient. A Retry-After, as a 503 may carry, is honoured like a throttling hint.
        if (status >= 500)
        {
            var hint = ThrottleHint.FromRetryAfter(response.Headers, _time.GetUtcNow());
            return SmsSendResult.Failed(SmsSendOutcome.Transient, $"HTTP {status} {response.ReasonPhrase}.", status, hint);
        }

        // The HTTP form of status 4: the key or secret is wrong for every recipient alike.
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return SmsSendResult.Failed(SmsSendOutcome.AccountRefused, $"HTTP {status} {response.ReasonPhrase}.", status) with
            {
                AccountRefusalReason = SmsSendResult.AccountRefusal($"Invalid Credentials (HTTP {status})", null),
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Permanent, $"HTTP {status} {response.ReasonPhrase}.", status);
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return SmsResponseReader.Read(json.RootElement)
                ?? SmsSendResult.Failed(SmsSendOutcome.Ambiguous, "HTTP 200 without a readable messages array.", status);
        }
        catch (JsonException e)
        {
            return SmsSendResult.Failed(SmsSendOutcome.Ambiguous, $"HTTP 200 with a body that is not JSON: {e.Message}", status);
        }
    }

    // The handler's ConnectTimeout (shorter than the request timeout) ends in a TimeoutException that neither of our
    // tokens caused; with HttpClient.Timeout off nothing else does, and nothing was sent before the connection existed.
    private bool IsConnectTimeout(OperationCanceledException e, CancellationToken attemptTimeout, CancellationToken caller) =>
        e.InnerException is TimeoutException
        && !attemptTimeout.IsCancellationRequested
        && !caller.IsCancellationRequested
        && _http.Timeout == Timeout.InfiniteTimeSpan;

    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    private sealed class SendState(VonageSmsClient client, List<KeyValuePair<string, string>> fields, SmsPreflight? preflight)
    {
        public VonageSmsClient Client { get; } = client;

        public SmsPreflight? Preflight { get; } = preflight;

        public List<KeyValuePair<string, string>> Fields { get; } = fields;

        public int Attempts { get; set; }
    }
}
