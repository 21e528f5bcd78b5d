using System.Globalization;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>Writes how long each phase of a long test took, so a slow run says where its time went.</summary>
public sealed class PhaseClock(ITestOutputHelper output)
{
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private long _last = TimeProvider.System.GetTimestamp();

    public void Mark(string phase)
    {
        var now = TimeProvider.System.GetTimestamp();
        var total = TimeProvider.System.GetElapsedTime(_started, now).TotalSeconds;
        var took = TimeProvider.System.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{total,6:F1}s] {phase} ({took:F1} s)"));
    }
}
