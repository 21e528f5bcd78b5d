using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using MassCampaign.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Testing;

/// <summary>
/// The real host (Kestrel on a free loopback port, co-hosted silo) over its own fresh database and the shared
/// test Redis. Tests talk to it over HTTP exactly as an operator or Vonage would.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private readonly WebApplication _app;

    private RunningHost(WebApplication app, PostgresDatabase database, Uri baseAddress)
    {
        _app = app;
        Database = database;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        AnonymousClient = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public PostgresDatabase Database { get; }

    public Uri BaseAddress { get; }

    /// <summary>Sends the test API key on every request.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key: for auth and webhook tests.</summary>
    public HttpClient AnonymousClient { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration overrides, applied last.</param>
    /// <param name="services">Registrations made before the host's own, e.g. a FakeClock as IClock.</param>
    public static async Task<RunningHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();

        var overrides = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["Auth:Keys:0"] = ApiKey,
            ["LocalSettingsPath"] = "/nonexistent/local.settings.json",
            // Several hosts run in one test process: each silo needs ports of its own.
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        WebApplication? app = null;
        try
        {
            app = MassCampaignHost.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(overrides);
                services?.Invoke(builder.Services);
            });
            await app.StartAsync();
        }
        catch
        {
            // A host that fails to start (a test of exactly that) leaves no database or half-started silo behind.
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, database, new Uri(address));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
