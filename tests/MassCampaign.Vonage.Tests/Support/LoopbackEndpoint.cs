using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>
/// A real Kestrel listener on 127.0.0.1 for tests: it records every request and answers with a script,
/// standing in for a webhook receiver or for a Vonage that says exactly what a test needs.
/// </summary>
public sealed class LoopbackEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly Func<int, HttpResponse, Task> _respond;
    private int _count;

    private LoopbackEndpoint(WebApplication app, Func<int, HttpResponse, Task> respond)
    {
        _app = app;
        _respond = respond;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <param name="respond">Writes the answer to the n-th request (counting from 0); by default 200 with no body.</param>
    /// <param name="port">The port to listen on; by default a free one.</param>
    public static async Task<LoopbackEndpoint> StartAsync(Func<int, HttpResponse, Task>? respond = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var endpoint = new LoopbackEndpoint(app, respond ?? ((_, _) => Task.CompletedTask));
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.BaseAddress = new Uri(address + "/");
        return endpoint;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Waits until at least <paramref name="count"/> requests arrived, failing after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref _count) < count)
        {
            try
            {
                await _arrivals.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} requests within {timeout}, got {Volatile.Read(ref _count)}.");
            }
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var fields = await ReadFieldsAsync(context.Request);
        var index = Interlocked.Increment(ref _count) - 1;
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path, fields, context.Request.Headers.Authorization.ToString(), _clock.Elapsed));
        _arrivals.Release();
        await _respond(index, context.Response);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadFieldsAsync(HttpRequest request)
    {
        var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                fields[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }

        return fields;
    }
}
