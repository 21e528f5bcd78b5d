namespace MassCampaign.Domain.Recipients;

/// <summary>The campaign_recipients.status values the schema allows.</summary>
public static class RecipientStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string SkippedBlacklisted = "skipped_blacklisted";
    public const string SkippedInvalid = "skipped_invalid";
    public const string Deferred = "deferred";
    public const string Unknown = "unknown";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } =
    [
        Pending, Sending, Sent, Delivered, Failed, SkippedBlacklisted, SkippedInvalid, Deferred, Unknown, Cancelled,
        Expired, Rejected,
    ];
}
