using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// The host's voice webhooks for the Simulator's calls, on real loopback HTTP: <c>/answer</c> serves an NCCO that
/// greets the callee by number and asks for a key, <c>/input</c> thanks them, <c>/event</c> takes events. Every request
/// is kept with its raw body, so a test can read the event sequence and check signatures.
/// </summary>
internal sealed class VoiceWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<VoiceCallback> _received = new();
    private int _events;

    private VoiceWebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<VoiceCallback> Received => [.. _received];

    /// <summary>The status <c>/event</c> answers its n-th request with (counting from 0); 200 by default.</summary>
    public Func<int, int> EventStatus { get; set; } = _ => StatusCodes.Status200OK;

    public static async Task<VoiceWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new VoiceWebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address + "/");
        return receiver;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public static string Greeting(string number) => $"Hello {number}, this is your reminder.";

    /// <summary>The call's events in the order they arrived, once one with <paramref name="finalStatus"/> is among them.</summary>
    public async Task<IReadOnlyList<VoiceCallback>> EventsUntilAsync(string uuid, string finalStatus)
    {
        await Eventually.Holds(() => EventsOf(uuid).Any(e => e.Field("status") == finalStatus));
        return EventsOf(uuid);
    }

    public IReadOnlyList<VoiceCallback> EventsOf(string uuid) =>
        [.. Received.Where(r => r.Path == "/event" && (r.Field("uuid") ?? r.Field("call_uuid")) == uuid)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = context.Request;
        var query = request.QueryString.HasValue
            ? request.QueryString.Value!.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
                .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? "")))
                .ToList()
            : [];
        var callback = new VoiceCallback(request.Method, request.Path, query, body.ToArray(), request.Headers.Authorization.ToString());
        _received.Enqueue(callback);
        switch (callback.Path)
        {
            case "/answer":
                await context.Response.WriteAsync(Ncco(callback.Field("to")!));
                break;
            case "/input":
                await context.Response.WriteAsync("""[{"action":"talk","text":"Thank you, goodbye."}]""");
                break;
            case "/event":
                context.Response.StatusCode = EventStatus(Interlocked.Increment(ref _events) - 1);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
        }
    }

    private string Ncco(string number) => new JsonArray(
        new JsonObject { ["action"] = "talk", ["text"] = Greeting(number), ["bargeIn"] = true },
        new JsonObject
        {
            ["action"] = "input",
            ["type"] = new JsonArray("dtmf"),
            ["dtmf"] = new JsonObject { ["maxDigits"] = 1, ["timeOut"] = 5 },
            ["eventUrl"] = new JsonArray(Url("input").AbsoluteUri),
        }).ToJsonString();
}
