namespace MassCampaign.Host.Webhooks;

internal static partial class ReceiptWriterLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} delivery receipts could not be written; their webhooks answer 500 and Vonage retries them.")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying a batch of delivery receipts from the inbox failed; they stay in the inbox and a later pass takes them again.")]
    public static partial void ApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} delivery receipts could not be applied while the rest of their batch was; they are stored retired as 'apply_failed'.")]
    public static partial void RetiredUnapplicable(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-applied {Count} delivery receipts that had arrived before their message.")]
    public static partial void Reapplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired {Count} delivery receipts that matched no message in time; they stay stored, marked retired.")]
    public static partial void Retired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-applying unmatched delivery receipts failed; the next sweep tries again.")]
    public static partial void ReapplyFailed(ILogger logger, Exception exception);
}
