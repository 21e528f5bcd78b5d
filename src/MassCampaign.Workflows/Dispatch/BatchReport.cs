namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// What a channel's batch did, whatever the channel. <see cref="FatalError"/> fails the campaign;
/// <see cref="AccountRefusal"/> pauses it with the provider's reason.
/// </summary>
public sealed record BatchReport(int Claimed, int Sent, int Retried, int Released, string? FatalError, string? AccountRefusal);
