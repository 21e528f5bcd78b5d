using MassCampaign.Testing;

namespace MassCampaign.Console.Tests;

/// <summary>One host and one browser for all console tests: they run one after another, as a person at one screen would.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public ConsoleHost Host { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ConsoleHost.StartAsync();
        Browser = Browser.Start(Host.BaseAddress);
    }

    /// <summary>A signed-in browser at a desktop size, whatever the previous test left behind.</summary>
    public Browser SignedIn()
    {
        Browser.Resize(Browser.Desktop);
        Browser.SignIn(RunningHost.ApiKey);
        return Browser;
    }

    public async Task DisposeAsync()
    {
        // The browser goes first: its open event streams would otherwise hold the host's shutdown.
        Browser?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
