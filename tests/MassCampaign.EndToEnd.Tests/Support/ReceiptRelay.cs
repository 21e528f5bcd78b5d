using MassCampaign.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>
/// A load balancer in front of a cluster's webhooks, as Vonage would reach it: the Simulator posts receipts here and
/// the relay forwards each one to a live host. A receipt queued before a silo died still reaches the survivor; one
/// that cannot be forwarded is answered 502, so the Simulator retries it.
/// </summary>
public sealed class ReceiptRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(10) };
    private volatile HostProcess[] _hosts = [];

    private ReceiptRelay(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Where to point a Simulator's dlrUrl: the receipt path and key of the hosts, on the relay.</summary>
    public Uri DeliveryReceiptUrl(HostProcess anyHost) => new(BaseAddress, anyHost.DeliveryReceiptUrl.PathAndQuery);

    public static async Task<ReceiptRelay> StartAsync()
    {
        var port = LoopbackPorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var relay = new ReceiptRelay(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(relay.ForwardAsync);
        await app.StartAsync();
        return relay;
    }

    /// <summary>The hosts to forward to, tried in order; a host that has exited is skipped.</summary>
    public void RouteTo(IEnumerable<HostProcess> hosts) => _hosts = [.. hosts];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        foreach (var host in _hosts.Where(h => !h.HasExited))
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(host.BaseAddress, context.Request.Path + context.Request.QueryString))
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            try
            {
                using var answer = await _forward.SendAsync(request);
                context.Response.StatusCode = (int)answer.StatusCode;
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Dying or gone: the next host takes it.
            }
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }
}
