using System.Globalization;

namespace ReceiptBenchmark;

/// <summary>Command-line options; every one has a default so a bare run works against the dev services.</summary>
public sealed record BenchmarkOptions
{
    public string PostgresServer { get; init; } = Environment.GetEnvironmentVariable("MC_TEST_POSTGRES") ?? "";

    public string Redis { get; init; } = Environment.GetEnvironmentVariable("MC_TEST_REDIS") ?? "";

    /// <summary>The host build to run; null runs the one <c>HostBinary</c> locates.</summary>
    public string? HostDll { get; init; }

    public int Receipts { get; init; } = 100_000;

    public int Concurrency { get; init; } = 64;

    public int Runs { get; init; } = 3;

    public int Warmup { get; init; } = 5_000;

    /// <summary>Receipts per second to pace at; 0 posts as fast as the concurrency allows.</summary>
    public int Rate { get; init; }

    /// <summary>CPUs the host process is pinned to with taskset, e.g. "0,1"; null leaves it unpinned.</summary>
    public string? HostCpus { get; init; }

    public bool KeepDatabase { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--postgres" => options with { PostgresServer = Next() },
                "--redis" => options with { Redis = Next() },
                "--host-dll" => options with { HostDll = Next() },
                "--receipts" => options with { Receipts = Int(Next()) },
                "--concurrency" => options with { Concurrency = Int(Next()) },
                "--runs" => options with { Runs = Int(Next()) },
                "--warmup" => options with { Warmup = Int(Next()) },
                "--rate" => options with { Rate = Int(Next()) },
                "--host-cpus" => options with { HostCpus = Next() },
                "--keep-database" => options with { KeepDatabase = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see bench/ReceiptBenchmark/README.md."),
            };
        }

        if (string.IsNullOrEmpty(options.PostgresServer) || string.IsNullOrEmpty(options.Redis))
        {
            throw new ArgumentException("Give --postgres and --redis, or set MC_TEST_POSTGRES and MC_TEST_REDIS (or run it through bench/run.sh, which starts both).");
        }

        return options;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
