using MassCampaign.Workflows.Sending;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// What a channel's batch did, whatever the channel. <see cref="FatalError"/> fails the campaign;
/// <see cref="AccountRefusal"/> pauses it with the provider's reason.
/// </summary>
public sealed record BatchReport(int Claimed, int Sent, int Retried, int Released, string? FatalError, string? AccountRefusal)
{
    public static BatchReport Empty { get; } = new(0, 0, 0, 0, null, null);

    public static BatchReport From(SendBatchResult result) =>
        new(result.Claimed, result.Accepted, result.Retried, result.Released, result.FatalError, result.AccountRefusal);

    /// <summary>Two channels' batches sent for one order (a hybrid's first channel and its follow-ups) as one.</summary>
    public BatchReport Plus(BatchReport other) => new(
        Claimed + other.Claimed, Sent + other.Sent, Retried + other.Retried, Released + other.Released,
        FatalError ?? other.FatalError, AccountRefusal ?? other.AccountRefusal);
}
