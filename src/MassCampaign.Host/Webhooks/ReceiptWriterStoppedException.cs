namespace MassCampaign.Host.Webhooks;

/// <summary>The host is shutting down and takes no more receipts; the webhook answers 503 and Vonage retries.</summary>
public sealed class ReceiptWriterStoppedException() : Exception("The host is stopping and no longer accepts delivery receipts.");
