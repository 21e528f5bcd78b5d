namespace MassCampaign.Host.Webhooks;

/// <summary>Why a webhook body could not be read, as the status and text of a problem response.</summary>
public sealed record WebhookReadError(int Status, string Title, string Detail);
