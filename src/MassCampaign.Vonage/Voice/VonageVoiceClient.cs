using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Vonage.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MassCampaign.Vonage.Voice;

/// <summary>
/// The Voice API over <c>HttpClient</c> (VONAGE.md §6): creates calls through the account's call-rate gate, reads and
/// hangs up calls. A creation is retried, each time through the gate, only when Vonage certainly created nothing
/// (429, 500, 503, no connection); a timeout, dropped connection or gateway error may hide a live call and comes back
/// Ambiguous, never repeated.
/// </summary>
public sealed partial class VonageVoiceClient : IDisposable
{
    // Vonage allows 15 GET/PUT/DELETE requests per second beside the 3 creations (VONAGE.md §6.7).
    private const int ReadsPerSecond = 15;

    private readonly HttpClient _http;
    private readonly VonageOptions _options;
    private readonly IVoiceCallRateGate _gate;
    private readonly VonageRateLimiter _reads = new(ReadsPerSecond);
    private readonly TimeProvider _time;
    private readonly ILogger<VonageVoiceClient> _logger;
    private readonly Uri _calls;
    private readonly Lazy<ApplicationJwt?> _jwt;
    private readonly ResiliencePipeline<CallCreateResult> _retry;

    public VonageVoiceClient(
        HttpClient http, IOptions<VonageOptions> options, IVoiceCallRateGate gate, TimeProvider time, ILogger<VonageVoiceClient> logger)
    {
        _http = http;
        _options = options.Value;
        _gate = gate;
        _time = time;
        _logger = logger;
        var root = _options.VoiceBaseUrl.AbsoluteUri.EndsWith('/') ? _options.VoiceBaseUrl : new Uri(_options.VoiceBaseUrl.AbsoluteUri + "/");
        _calls = new Uri(root, "v1/calls");
        _jwt = new Lazy<ApplicationJwt?>(LoadJwt);
        _retry = CallCreateRetry.Build(_options, _time, _logger);
    }

    /// <summary>Why calls cannot be made with this configuration, or null when they can.</summary>
    public string? WhyUnavailable()
    {
        if (!_options.HasVoiceCredentials)
        {
            return "Vonage voice credentials are not configured: set Vonage:ApplicationId and Vonage:PrivateKeyPath.";
        }

        try
        {
            _ = _jwt.Value;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return $"The Vonage private key '{_options.PrivateKeyPath}' cannot be used: {e.Message}";
        }
    }

    /// <param name="preflight">Asked right before each attempt leaves, after its rate token: null to dial, else why not.</param>
    public async Task<CallCreateResult> CreateCallAsync(CallCreateRequest request, VoicePreflight? preflight, CancellationToken cancellationToken)
    {
        CallCreateBody.Validate(request);
        if (WhyUnavailable() is { } why)
        {
            return CallCreateResult.Failed(CallCreateOutcome.AccountRefused, "no-credentials", why) with { AccountRefusalReason = why };
        }

        var state = new CreateState(this, CallCreateBody.Build(request, _options.VoiceLengthTimerSeconds), preflight);
        var result = await _retry.ExecuteAsync(static (s, ct) => s.Client.AttemptAsync(s, ct), state, cancellationToken);
        if (result.Outcome == CallCreateOutcome.Ambiguous)
        {
            VonageVoiceLog.Ambiguous(_logger, request.ToE164, result.ErrorText);
        }

        return result with { Attempts = state.Attempts };
    }

    /// <returns>The call as Vonage knows it, or null when Vonage does not know the uuid.</returns>
    /// <exception cref="VonageVoiceException">Vonage answered something else, or could not be reached.</exception>
    public async Task<VoiceCallInfo?> GetCallAsync(string callUuid, CancellationToken cancellationToken)
    {
        using var response = await ReadAsync(HttpMethod.Get, callUuid, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return VoiceCallReader.Read(json.RootElement, callUuid);
    }

    /// <returns>True when Vonage hung the call up, false when it did not know the uuid (or the call was already over).</returns>
    /// <exception cref="VonageVoiceException">Vonage answered something else, or could not be reached.</exception>
    public async Task<bool> HangUpAsync(string callUuid, CancellationToken cancellationToken)
    {
        using var response = await ReadAsync(HttpMethod.Put, callUuid, new JsonObject { ["action"] = "hangup" }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    public void Dispose()
    {
        _reads.Dispose();
        if (_jwt.IsValueCreated)
        {
            _jwt.Value?.Dispose();
        }
    }

    private ApplicationJwt? LoadJwt() =>
        _options.HasVoiceCredentials ? new ApplicationJwt(_options.ApplicationId!, File.ReadAllText(_options.PrivateKeyPath!), _time) : null;

    private Task<HttpResponseMessage> ReadAsync(HttpMethod method, string callUuid, JsonObject? body, CancellationToken cancellationToken) =>
        SendReadAsync(method, "/" + Uri.EscapeDataString(callUuid), body, cancellationToken);

    /// <param name="pathAndQuery">What follows /v1/calls: "/{uuid}", or "?{query}" for the list.</param>
    private async Task<HttpResponseMessage> SendReadAsync(HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        if (WhyUnavailable() is { } why)
        {
            throw new VonageVoiceException(why);
        }

        await _reads.WaitAsync(cancellationToken);
        using var message = new HttpRequestMessage(method, new Uri(_calls.AbsoluteUri + pathAndQuery));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _jwt.Value!.Current());
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new VonageVoiceException($"{method} /v1/calls{pathAndQuery} failed: {e.Message}", e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var (code, text) = VoiceProblem.Read((int)response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(cancellationToken));
            throw new VonageVoiceException($"{text} ({code})");
        }
    }

    private async ValueTask<CallCreateResult> AttemptAsync(CreateState state, CancellationToken cancellationToken)
    {
        var waiting = _time.GetTimestamp();
        await _gate.WaitAsync(cancellationToken);
        ProviderMetrics.RateLimitWaited("voice", _time.GetElapsedTime(waiting));
        if (state.Preflight is not null && await state.Preflight(cancellationToken) is { } whyNot)
        {
            return CallCreateResult.Failed(CallCreateOutcome.NotSent, null, $"Not dialled: {whyNot}.");
        }

        state.Attempts++;
        var started = _time.GetTimestamp();
        var result = await ExchangeAsync(state, cancellationToken);
        ProviderMetrics.Answered("voice", result.Outcome.ToString(), result.ErrorCode, _time.GetElapsedTime(started));
        return result;
    }

    /// <summary>One call creation over HTTP: the request sent, the answer read into a result.</summary>
    private async Task<CallCreateResult> ExchangeAsync(CreateState state, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _calls) { Content = JsonContent.Create(state.Body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _jwt.Value!.Current());
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            return await CallCreateResponse.ReadAsync(response, _time.GetUtcNow(), linked.Token);
        }
        // Each of these fails before the request is written: nothing reached Vonage.
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError
                                                 or HttpRequestError.NameResolutionError
                                                 or HttpRequestError.SecureConnectionError)
        {
            return CallCreateResult.Failed(CallCreateOutcome.Transient, "no-connection", $"Could not connect to Vonage: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return CallCreateResult.Failed(CallCreateOutcome.Ambiguous, "connection-lost", $"The connection failed after the request was sent: {e.Message}");
        }
        catch (IOException e)
        {
            return CallCreateResult.Failed(CallCreateOutcome.Ambiguous, "connection-lost", $"The answer was cut off: {e.Message}");
        }
        catch (OperationCanceledException e) when (e.InnerException is TimeoutException && !timeout.IsCancellationRequested
                                                   && !cancellationToken.IsCancellationRequested)
        {
            // The handler's connect timeout: no connection, so nothing was sent.
            return CallCreateResult.Failed(CallCreateOutcome.Transient, "no-connection", $"Could not connect to Vonage: {e.InnerException.Message}");
        }
        catch (OperationCanceledException)
        {
            var why = cancellationToken.IsCancellationRequested
                ? "Cancelled while waiting for Vonage's answer."
                : $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s.";
            return CallCreateResult.Failed(CallCreateOutcome.Ambiguous, "no-answer", why);
        }
    }

    private sealed class CreateState(VonageVoiceClient client, JsonObject body, VoicePreflight? preflight)
    {
        public VonageVoiceClient Client { get; } = client;

        public JsonObject Body { get; } = body;

        public VoicePreflight? Preflight { get; } = preflight;

        public int Attempts { get; set; }
    }
}
