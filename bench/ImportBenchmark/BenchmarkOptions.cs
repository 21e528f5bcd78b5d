namespace ImportBenchmark;

/// <summary>What to run against: command-line options, falling back to the MC_TEST_* variables that scripts/test.sh sets.</summary>
/// <param name="HostDll">The host build to run; null runs the one <c>HostBinary</c> locates.</param>
public sealed record BenchmarkOptions(string PostgresServer, string Redis, string? HostDll, IReadOnlyList<int> Sizes, int Runs)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ImportBenchmark -- [options]
          --postgres <conn>   Npgsql connection string of a server where databases may be created (default: $MC_TEST_POSTGRES)
          --redis <host:port> Redis for the host (default: $MC_TEST_REDIS)
          --host-dll <path>   the built host (default: $MC_HOST_DLL, else src/MassCampaign.Host/bin/Release/net10.0/MassCampaign.Host.dll)
          --sizes <n,n,...>   rows per import (default: 100000,1000000)
          --runs <n>          runs per size, each with a fresh database and host process (default: 3)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.\n{Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        return new BenchmarkOptions(
            Required(values, "postgres", "MC_TEST_POSTGRES"),
            Required(values, "redis", "MC_TEST_REDIS"),
            values.GetValueOrDefault("host-dll"),
            (values.GetValueOrDefault("sizes") ?? "100000,1000000").Split(',').Select(int.Parse).ToArray(),
            int.Parse(values.GetValueOrDefault("runs") ?? "3"));
    }

    private static string Required(Dictionary<string, string> values, string name, string variable)
    {
        var value = values.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value) ? throw new ArgumentException($"Give --{name} or set {variable}.\n{Usage}") : value;
    }
}
