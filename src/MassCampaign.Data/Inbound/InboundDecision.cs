using MassCampaign.Data.Suppression;

namespace MassCampaign.Data.Inbound;

/// <summary>
/// What an inbound text means for storage: its sms_replies classification, the blacklist change, the consent
/// event to record (type and source) and the answer to queue, if any.
/// </summary>
public sealed record InboundDecision(
    string Classification,
    string? Keyword,
    BlacklistChange Blacklist = BlacklistChange.None,
    string? ConsentEventType = null,
    string? ConsentSource = null,
    OutboxReply? Reply = null);
