namespace MassCampaign.Vonage.Tests.Support;

/// <summary>Waits for what the Simulator does in the background (posting a receipt, counting it).</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> until it holds; cancelled (and the test failed) after ten seconds.</summary>
    public static async Task Holds(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
