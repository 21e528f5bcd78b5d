using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// A Simulator holding a fresh application key (written to a temp PEM file, as the host's would be), a
/// <see cref="VoiceWebhookReceiver"/> for its calls, and helpers that sign application JWTs and create calls.
/// Every call is answered by a human unless a test forces otherwise, and voice waits are cut to a few milliseconds so
/// a call plays out at once.
/// </summary>
internal sealed class VoiceTestBed : IAsyncDisposable
{
    public const string ApplicationId = "5f2c1b3a-8d4e-4f6a-9b7c-0e1d2c3b4a59";

    private readonly string _keyPath;

    private VoiceTestBed(VonageSimulator simulator, VoiceWebhookReceiver host, RSA key, string keyPath)
    {
        Simulator = simulator;
        Host = host;
        Key = key;
        _keyPath = keyPath;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress };
    }

    public VonageSimulator Simulator { get; }

    public VoiceWebhookReceiver Host { get; }

    public RSA Key { get; }

    public HttpClient Http { get; }

    public static async Task<VoiceTestBed> StartAsync(Action<SimulatorOptions>? configure = null, bool withKey = true)
    {
        var key = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"voice-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, key.ExportRSAPrivateKeyPem());
        var host = await VoiceWebhookReceiver.StartAsync();
        var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.VoiceApplicationId = ApplicationId;
            o.VoicePrivateKeyPath = withKey ? keyPath : null;
            configure?.Invoke(o);
        });
        simulator.Configure(new SimulatorSettingsUpdate
        {
            Voice = new VoiceSettingsUpdate { Human = 1, Machine = 0, Busy = 0, NoAnswer = 0, AnswerDelayMs = 5, TalkMsPerChar = 0 },
        });
        return new VoiceTestBed(simulator, host, key, keyPath);
    }

    /// <summary>An application JWT as the host makes one (VONAGE.md §6.1); <paramref name="change"/> spoils it for a test.</summary>
    public string Jwt(Action<SecurityTokenDescriptor>? change = null, RSA? signWith = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("application_id", ApplicationId), new Claim("jti", Guid.NewGuid().ToString())]),
            IssuedAt = now,
            Expires = now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? Key), SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A valid create-call body: answer and event URLs on the receiver, no machine detection.</summary>
    public JsonObject CallBody(string to) => new()
    {
        ["to"] = new JsonArray(new JsonObject { ["type"] = "phone", ["number"] = to }),
        ["from"] = new JsonObject { ["type"] = "phone", ["number"] = "447700900000" },
        ["answer_url"] = new JsonArray(Host.Url("answer").AbsoluteUri),
        ["event_url"] = new JsonArray(Host.Url("event").AbsoluteUri),
    };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? jwt = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt ?? Jwt());
        return Http.SendAsync(request);
    }

    /// <returns>The created call's uuid; fails the test unless the Simulator answered 201.</returns>
    public async Task<string> CreateCallAsync(JsonObject body)
    {
        using var response = await SendAsync(HttpMethod.Post, "v1/calls", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("uuid").GetString()!;
    }

    public Task<string> CreateCallAsync(string to) => CreateCallAsync(CallBody(to));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
        await Host.DisposeAsync();
        Key.Dispose();
        File.Delete(_keyPath);
    }
}
