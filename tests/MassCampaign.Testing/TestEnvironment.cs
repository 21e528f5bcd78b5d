namespace MassCampaign.Testing;

/// <summary>Where the throwaway PostgreSQL and Redis started by scripts/test.sh live.</summary>
public static class TestEnvironment
{
    public static string PostgresServer => Required("MC_TEST_POSTGRES");

    public static string Redis => Required("MC_TEST_REDIS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with `bash scripts/test.sh`, which starts PostgreSQL and Redis and sets it.");
}
