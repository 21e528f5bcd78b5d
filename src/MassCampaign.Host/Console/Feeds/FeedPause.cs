namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>The wait between two pushes of a console feed.</summary>
internal static class FeedPause
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <returns>False once the page has gone (the request was aborted): the feed ends quietly rather than throwing.</returns>
    public static async Task<bool> WaitAsync(TimeProvider time, CancellationToken ct)
    {
        try
        {
            await Task.Delay(Interval, time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
