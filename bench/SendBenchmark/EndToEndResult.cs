namespace SendBenchmark;

/// <summary>One end-to-end run: the send time runs from the start call to the status answering Completed.</summary>
/// <param name="Profile">What the database was busy with during the send, when <c>--profile</c> asked for it.</param>
public sealed record EndToEndResult(
    int Size, TimeSpan ImportTime, TimeSpan SendTime, long Messages, long PeakMemoryBytes, CpuUse SendCpu, string? Profile)
{
    /// <summary>From the start call to the first SMS the Simulator accepted.</summary>
    public TimeSpan? FirstSms { get; init; }

    /// <summary>From the start call to the last SMS; the rest of <see cref="SendTime"/> is waiting for Completed.</summary>
    public TimeSpan? LastSms { get; init; }

    /// <summary>From the start call to the moment every recipient's receipt was applied (receipts on only).</summary>
    public TimeSpan? LastReceiptApplied { get; init; }

    /// <summary>Receipt posts the host refused or let time out, which the Simulator had to post again.</summary>
    public long ReceiptPostsRetried { get; init; }

    /// <summary>Latency of the status and list reads against the finished campaign.</summary>
    public ReadLatency? Reads { get; init; }

    public double MessagesPerSecond => Messages / SendTime.TotalSeconds;

    /// <summary>The rate between the first and the last SMS, without start-up and completion.</summary>
    public double? SendingPerSecond => LastSms - FirstSms is { TotalSeconds: > 0 } sending ? Messages / sending.TotalSeconds : null;

    public double ImportRowsPerSecond => Size / ImportTime.TotalSeconds;
}
