namespace MassCampaign.Host.Webhooks;

/// <summary>How delivery receipts are written (massCampaign:receipts).</summary>
public sealed class ReceiptOptions
{
    public const string Section = "massCampaign:receipts";

    /// <summary>Receipts per transaction at most; under load a batch holds whatever queued while the last one committed.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Transactions in flight at once: one commits while the next fills.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Receipts waiting at most before requests queue for room (back-pressure, not loss).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>How often receipts that arrived before their message are tried again.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back that sweep looks; Vonage stops retrying a receipt after 72 hours.</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromHours(72);

    public int ReconcileBatchSize { get; set; } = 5000;
}
