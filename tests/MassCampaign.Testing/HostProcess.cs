using System.Diagnostics;
using System.Globalization;

namespace MassCampaign.Testing;

/// <summary>
/// The real host as its own OS process (<c>dotnet MassCampaign.Host.dll</c>), configured only through environment
/// variables the way a container would be. Tests kill it (SIGKILL), stop it (SIGTERM), read its peak memory and
/// print its captured output when something fails.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private long? _lastPeak;

    private HostProcess(Process process, HostProcessOptions options, ProcessOutput output)
    {
        _process = process;
        Options = options;
        Output = output;
        ProcessId = process.Id;
        BaseAddress = new Uri($"http://127.0.0.1:{options.HttpPort}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = options.RequestTimeout };
        Client.DefaultRequestHeaders.Add("x-functions-key", options.ApiKey);
    }

    /// <summary>The options as started, every port filled in.</summary>
    public HostProcessOptions Options { get; }

    public Uri BaseAddress { get; }

    /// <summary>Sends the API key on every request.</summary>
    public HttpClient Client { get; }

    public int ProcessId { get; }

    public ProcessOutput Output { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The URL Vonage (the Simulator) posts delivery receipts to, carrying the key as Functions webhooks do.</summary>
    public Uri DeliveryReceiptUrl => new(BaseAddress, $"api/sms/status?code={Uri.EscapeDataString(Options.ApiKey)}");

    public static async Task<HostProcess> StartAsync(HostProcessOptions options, CancellationToken cancellationToken = default)
    {
        var resolved = options with
        {
            HttpPort = options.HttpPort ?? LoopbackPorts.Next(),
            SiloPort = options.SiloPort ?? LoopbackPorts.Next(),
            GatewayPort = options.GatewayPort ?? LoopbackPorts.Next(),
        };
        var output = new ProcessOutput();
        var process = new Process { StartInfo = StartInfo(resolved), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => output.Add("err", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, resolved, output);
        try
        {
            await host.WaitUntilReadyAsync(resolved.ReadyTimeout, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>VmHWM of the process: its peak resident memory so far. After exit, the last value read.</summary>
    public long PeakMemoryBytes()
    {
        RefreshPeak();
        return _lastPeak ?? throw new InvalidOperationException($"Host process {ProcessId} exited before its memory was read.");
    }

    /// <summary>CPU (user + system) the host has used so far; taskset execs dotnet in place, so a pinned host's too.</summary>
    public TimeSpan CpuTime() =>
        ProcessCpuTime.Of(ProcessId) ?? throw new InvalidOperationException($"Host process {ProcessId} exited before its CPU time was read.");

    /// <summary>SIGKILL, the whole process tree: a crash, with no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        RefreshPeak();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the host drains and shuts down as under an orchestrator. Killed if it overstays.</summary>
    /// <returns>True when it exited by itself within <paramref name="timeout"/>.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        RefreshPeak();
        if (_process.HasExited)
        {
            return true;
        }

        PosixSignals.Terminate(ProcessId);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>For assertion messages: the process, its address and the last lines it wrote.</summary>
    public string Describe(int lines = 200) =>
        $"Host process {ProcessId} on {BaseAddress} ({(_process.HasExited ? $"exited with {_process.ExitCode}" : "running")}):\n{Output.Tail(lines)}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void RefreshPeak()
    {
        if (!_process.HasExited && ProcessMemory.PeakResidentBytes(ProcessId) is { } peak)
        {
            _lastPeak = peak;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited during start-up. {Describe()}");
            }

            try
            {
                using var response = await probe.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but slow to answer: try again.
            }

            await Task.Delay(ReadyPoll, cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {timeout.TotalSeconds:F0} s. {Describe()}");
    }

    private static ProcessStartInfo StartInfo(HostProcessOptions options)
    {
        var info = new ProcessStartInfo(options.HostCpus is null ? "dotnet" : "taskset")
        {
            // host.json is found in the working directory first, as scripts/run.sh runs it.
            WorkingDirectory = HostBinary.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.HostCpus is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(options.HostCpus);
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(HostBinary.DllPath(options.HostDll));

        var environment = info.Environment;
        // The test run's own settings must not leak into the host.
        foreach (var inherited in environment.Keys.Where(IsInheritedSetting).ToList())
        {
            environment.Remove(inherited);
        }

        foreach (var (key, value) in SettingsOf(options))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    private static bool IsInheritedSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Vonage__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Orleans__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("massCampaign__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)
        || name.Equals("urls", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> SettingsOf(HostProcessOptions options)
    {
        static string Text(int? port) => port!.Value.ToString(CultureInfo.InvariantCulture);

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = $"http://127.0.0.1:{Text(options.HttpPort)}",
            // The answer and event URLs given to Vonage with each call point back at this host.
            ["Host:PublicBaseUrl"] = $"http://127.0.0.1:{Text(options.HttpPort)}",
            ["ConnectionStrings:Postgres"] = options.Postgres,
            ["ConnectionStrings:Redis"] = options.Redis,
            ["Auth:Keys:0"] = options.ApiKey,
            ["LocalSettingsPath"] = "/nonexistent/local.settings.json",
            ["Vonage:BaseUrl"] = options.VonageBaseUrl.AbsoluteUri,
            ["Vonage:ApiKey"] = options.VonageApiKey,
            ["Vonage:ApiSecret"] = options.VonageApiSecret,
            ["Orleans:SiloPort"] = Text(options.SiloPort),
            ["Orleans:GatewayPort"] = Text(options.GatewayPort),
            // Colour codes would clutter the captured log.
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            // Orleans logs every placement attempt through Polly at Information: noise that would push out the real lines.
            ["Logging:LogLevel:Polly"] = "Warning",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
