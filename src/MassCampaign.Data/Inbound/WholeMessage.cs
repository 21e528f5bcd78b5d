namespace MassCampaign.Data.Inbound;

/// <summary>A complete inbound text: a single SMS, or the parts of a long one joined in order.</summary>
internal sealed record WholeMessage(string ProviderMessageId, string Text, DateTimeOffset ReceivedAt);
