namespace SendBenchmark;

/// <summary>One end-to-end run: the send time runs from the start call to the status answering Completed.</summary>
/// <param name="Profile">What the database was busy with during the send, when <c>--profile</c> asked for it.</param>
public sealed record EndToEndResult(
    int Size, TimeSpan ImportTime, TimeSpan SendTime, long Messages, long PeakMemoryBytes, CpuSnapshot SendCpu, string? Profile)
{
    public double MessagesPerSecond => Messages / SendTime.TotalSeconds;

    public double ImportRowsPerSecond => Size / ImportTime.TotalSeconds;
}
