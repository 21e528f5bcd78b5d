namespace MassCampaign.Host.Webhooks;

/// <summary>How delivery receipts are written (massCampaign:receipts).</summary>
public sealed class ReceiptOptions
{
    public const string Section = "massCampaign:receipts";

    /// <summary>Receipts per append to the inbox at most; under load a batch holds whatever queued while the last one committed.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Appends in flight at once: one commits while the next fills.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Receipts waiting at most before requests queue for room (back-pressure, not loss).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Receipts the applier takes from the inbox per transaction at most.</summary>
    public int ApplyBatchSize { get; set; } = 5000;

    /// <summary>
    /// How long the applier waits once the inbox is drained: receipts gather into one large batch meanwhile, which
    /// costs less per receipt than many small ones. While the applier keeps up, a receipt is applied at most this long
    /// after its 200, plus the batch's own time.
    /// </summary>
    public TimeSpan ApplyInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often receipts that arrived before their message are tried again.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a receipt may wait for its message: after that the sweep tries it once more and retires it. Vonage
    /// stops retrying a receipt after 72 hours, so a message recorded later than that is not expected either.
    /// </summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Sweeps a receipt is tried in before it is retired: an hour of sweeps at the default interval.</summary>
    public int ReconcileMaxAttempts { get; set; } = 720;

    public int ReconcileBatchSize { get; set; } = 5000;
}
