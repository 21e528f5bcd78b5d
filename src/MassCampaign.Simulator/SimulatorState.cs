using MassCampaign.Simulator.Sms;
using MassCampaign.Simulator.Voice;
using MassCampaign.Simulator.Webhooks;

namespace MassCampaign.Simulator;

/// <summary>Everything one running Simulator shares between its routes: credentials, knobs, counters and workers.</summary>
internal sealed class SimulatorState : IAsyncDisposable
{
    private readonly Lock _settingsWrite = new();
    private SimulatorSettings _settings;

    public SimulatorState(SimulatorOptions options, TimeProvider time)
    {
        ApiKey = options.ApiKey;
        ApiSecret = options.ApiSecret;
        Time = time;
        _settings = options.ToSettings();
        Throughput = new ThroughputWindow(time);
        Poster = new WebhookPoster(Math.Max(options.WebhookWorkers, 1));
        Receipts = new DeliveryReceiptDispatcher(Poster, Counters, () => Settings, time, options.WebhookWorkers, options.DlrRetrySchedule());
        Inbound = new InboundSmsSender(Poster, Ids, Counters, time);
        CallAuth = new ApplicationJwtVerifier(options.VoiceApplicationId, options.VoicePrivateKeyPath, time);
        Callbacks = new VoiceCallbacks(() => Settings, ApiKey, options.VoiceApplicationId, time, options.WebhookWorkers);
        Calls = new VoiceCalls(VoiceCounters);
        Playout = new CallPlayout(Callbacks, VoiceCounters, () => Settings, time);
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public TimeProvider Time { get; }

    public SimulatorSettings Settings => Volatile.Read(ref _settings);

    public SimulatorCounters Counters { get; } = new();

    public ThroughputWindow Throughput { get; }

    public SimulatorMessageIds Ids { get; } = new();

    public AccountBalance Balance { get; } = new();

    public RecentSubmissions Recent { get; } = new();

    public WebhookPoster Poster { get; }

    public DeliveryReceiptDispatcher Receipts { get; }

    public InboundSmsSender Inbound { get; }

    public ApplicationJwtVerifier CallAuth { get; }

    public VoiceCounters VoiceCounters { get; } = new();

    public VoiceCalls Calls { get; }

    public VoiceCallbacks Callbacks { get; }

    public CallPlayout Playout { get; }

    public SimulatorStats Stats() => VoiceCounters.AddTo(Counters.Snapshot());

    public SimulatorSettings Update(Func<SimulatorSettings, SimulatorSettings> change)
    {
        lock (_settingsWrite)
        {
            var next = change(_settings);
            Volatile.Write(ref _settings, next);
            return next;
        }
    }

    public void Reset()
    {
        Counters.Reset();
        Throughput.Reset();
        Balance.Reset();
        Recent.Clear();
        Calls.Reset();
        VoiceCounters.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await Receipts.DisposeAsync();
        await Calls.DisposeAsync();
        Poster.Dispose();
        Callbacks.Dispose();
    }
}
