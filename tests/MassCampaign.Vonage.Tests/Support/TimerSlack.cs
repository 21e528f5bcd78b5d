namespace MassCampaign.Vonage.Tests.Support;

public static class TimerSlack
{
    /// <summary>Timers run on a millisecond tick, so a wait measured with a Stopwatch can look a tick or two short.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(15);
}
