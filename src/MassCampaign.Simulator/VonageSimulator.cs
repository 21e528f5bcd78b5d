using System.Net;
using System.Text.Json.Serialization;
using MassCampaign.Simulator.Control;
using MassCampaign.Simulator.Sms;
using MassCampaign.Simulator.Voice;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MassCampaign.Simulator;

/// <summary>
/// A stand-in for Vonage on real loopback HTTP: the SMS API, delivery receipts, inbound SMS, the Voice API with its
/// calls played out to the host, and the <c>/_sim</c> control API. Runs as its own executable or inside a test process.
/// </summary>
public sealed class VonageSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private VonageSimulator(WebApplication app, SimulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the Simulator, e.g. <c>http://127.0.0.1:54321/</c>: use it as the Vonage base URL.</summary>
    public Uri BaseAddress { get; }

    public string ApiKey => _state.ApiKey;

    public string ApiSecret => _state.ApiSecret;

    public SimulatorSettings Settings => _state.Settings;

    public static Task<VonageSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, [], cancellationToken);

    /// <summary>The executable: options from the "Simulator" section (command line, environment), <c>--urls</c> honoured.</summary>
    public static async Task RunAsync(string[] args)
    {
        await using var simulator = await StartAsync(null, args, CancellationToken.None);
        Console.WriteLine($"Vonage Simulator listening on {simulator.BaseAddress} (api key '{simulator.ApiKey}').");
        await simulator._app.WaitForShutdownAsync();
    }

    public SimulatorStats GetStats() => _state.Stats();

    /// <summary>The last accepted submissions (at most 1,000), oldest first.</summary>
    public IReadOnlyList<ReceivedSms> ReceivedMessages() => _state.Recent.Snapshot();

    public SimulatorSettings Configure(SimulatorSettingsUpdate update)
    {
        var errors = update.Validate(_state.Settings);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(update));
        }

        return _state.Update(update.ApplyTo);
    }

    public void Reset() => _state.Reset();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _state.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static async Task<VonageSimulator> StartAsync(SimulatorOptions? options, string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options is null)
        {
            options = new SimulatorOptions { Port = SimulatorOptions.ExecutablePort };
            builder.Configuration.GetSection(SimulatorOptions.SectionName).Bind(options);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            var host = IPAddress.TryParse(options.Host, out var ip) ? ip : IPAddress.Loopback;
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(host, options.Port));
        }

        // Per-request logging would slow a 10,000 SMS/s benchmark more than the work itself.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(new LowerCaseNamingPolicy())));
        var state = new SimulatorState(options, TimeProvider.System);
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.MapSmsApi();
        app.MapVoiceApi();
        app.MapControlApi();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new VonageSimulator(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
