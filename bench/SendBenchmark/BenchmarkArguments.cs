using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SendBenchmark;

/// <summary>The command line: which parts to run, how big and how often.</summary>
public sealed record BenchmarkArguments
{
    public const string Usage = """
        Usage: SendBenchmark [options]
          --mode all|throughput|rate   what to run (default all)
          --runs N                     throughput runs per size; the median is reported (default 3)
          --sizes N[,N...]             campaign sizes (default 100000,1000000)
          --bare-messages N            SMS the bare sender sends per run (default 200000)
          --latency-ms N               Simulator answer latency (default 0)
          --no-receipts                no delivery receipts (default: the Simulator posts one per SMS to the host, as Vonage does)
          --receipt-posters N          receipt posts the Simulator keeps open at once (default 128; Vonage publishes no figure, and
                                       32 left receipts queued in the Simulator, not the host, behind a fast send)
          --profile                    sample PostgreSQL's active statements during each campaign run
          --poll-status                wait for the end by polling the status API every 250 ms instead of the campaign row
          --rates N[,N...]             account limits for the rate fidelity runs (default 30,300)
          --rate-seconds N             length of each rate fidelity run (default 60)
          --set key=value              host configuration override, repeatable (e.g. massCampaign:sendPath:batchSize=1000)
        """;

    public string Mode { get; init; } = "all";

    public int Runs { get; init; } = 3;

    public IReadOnlyList<int> Sizes { get; init; } = [100_000, 1_000_000];

    public int BareMessages { get; init; } = 200_000;

    public int LatencyMs { get; init; }

    public bool Receipts { get; init; } = true;

    public int ReceiptPosters { get; init; } = 128;

    public bool Profile { get; init; }

    public bool PollStatus { get; init; }

    public IReadOnlyList<int> Rates { get; init; } = [30, 300];

    public int RateSeconds { get; init; } = 60;

    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    public bool RunsThroughput => Mode is "all" or "throughput";

    public bool RunsRate => Mode is "all" or "rate";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkArguments? parsed, out string error)
    {
        var result = new BenchmarkArguments();
        var settings = new Dictionary<string, string>();
        parsed = null;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--receipts":
                    result = result with { Receipts = true };
                    continue;
                case "--no-receipts":
                    result = result with { Receipts = false };
                    continue;
                case "--profile":
                    result = result with { Profile = true };
                    continue;
                case "--poll-status":
                    result = result with { PollStatus = true };
                    continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--mode" when value is "all" or "throughput" or "rate":
                    result = result with { Mode = value };
                    break;
                case "--runs" when PositiveInt(value) is { } runs:
                    result = result with { Runs = runs };
                    break;
                case "--sizes" when PositiveInts(value) is { } sizes:
                    result = result with { Sizes = sizes };
                    break;
                case "--bare-messages" when PositiveInt(value) is { } messages:
                    result = result with { BareMessages = messages };
                    break;
                case "--receipt-posters" when PositiveInt(value) is { } posters:
                    result = result with { ReceiptPosters = posters };
                    break;
                case "--latency-ms" when int.TryParse(value, CultureInfo.InvariantCulture, out var latency) && latency >= 0:
                    result = result with { LatencyMs = latency };
                    break;
                case "--rates" when PositiveInts(value) is { } rates:
                    result = result with { Rates = rates };
                    break;
                case "--rate-seconds" when PositiveInt(value) is { } seconds:
                    result = result with { RateSeconds = seconds };
                    break;
                case "--set" when value.Split('=', 2) is [{ Length: > 0 } key, var setting]:
                    settings[key] = setting;
                    break;
                default:
                    error = $"'{name} {value}' is not understood.";
                    return false;
            }
        }

        parsed = result with { HostSettings = settings };
        return true;
    }

    private static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static int[]? PositiveInts(string text)
    {
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PositiveInt).ToArray();
        return values.Length > 0 && values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : null;
    }
}
