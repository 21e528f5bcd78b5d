namespace MassCampaign.Testing;

/// <summary>Where the built host lives: <c>src/MassCampaign.Host/bin/{Configuration}/net10.0/MassCampaign.Host.dll</c>.</summary>
public static class HostBinary
{
    /// <summary>Overrides the located path, e.g. to run a published build.</summary>
    public const string PathVariable = "MC_HOST_DLL";

    // The host is built in the configuration the tests were, since this project references it.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The directory that holds MassCampaign.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <param name="given">A build to run instead of the located one, e.g. a benchmark's <c>--host-dll</c>.</param>
    public static string DllPath(string? given = null)
    {
        var path = given is { Length: > 0 }
            ? Path.GetFullPath(given)
            : Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } fromVariable
                ? fromVariable
                : Path.Combine(RepositoryRoot, "src", "MassCampaign.Host", "bin", Configuration, "net10.0", "MassCampaign.Host.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The host is not built at {path}. Build it first (`dotnet build src/MassCampaign.Host -c {Configuration}`) or set {PathVariable}.",
                path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MassCampaign.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MassCampaign.sln above {AppContext.BaseDirectory}.");
    }
}
