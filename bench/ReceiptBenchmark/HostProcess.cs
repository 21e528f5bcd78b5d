using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReceiptBenchmark;

/// <summary>The real host as its own process (the Release build), listening on a free loopback port.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU the host has used so far (taskset execs dotnet in place, so the pid is the host's).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<HostProcess> StartAsync(BenchmarkOptions options, string postgres)
    {
        var dll = Path.GetFullPath(options.HostDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first: dotnet build src/MassCampaign.Host -c Release ({dll} is missing).");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var pinned = options.HostCpus.Length > 0;
        var start = new ProcessStartInfo(pinned ? "taskset" : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (pinned)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(options.HostCpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        start.Environment["ConnectionStrings__Postgres"] = postgres;
        start.Environment["ConnectionStrings__Redis"] = options.Redis;
        start.Environment["urls"] = baseAddress.AbsoluteUri;
        start.Environment["Auth__Keys__0"] = ApiKey;
        start.Environment["LocalSettingsPath"] = "/nonexistent/local.settings.json";
        start.Environment["Orleans__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        // Drain the host's output so it never blocks on a full pipe; show only errors.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, baseAddress);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host was not ready within {timeout.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
