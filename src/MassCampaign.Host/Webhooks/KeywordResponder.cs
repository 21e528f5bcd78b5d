using MassCampaign.Data.Inbound;
using MassCampaign.Data.Suppression;
using MassCampaign.Domain.Messaging;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Turns an inbound text into what must happen (DESIGN.md §6, COMPLIANCE.md §2): an opt-out keyword blacklists
/// the number everywhere and is confirmed once; START/UNSTOP/YES lifts the contact's own opt-out; HELP/INFO gets
/// the help text; anything else is a reply.
/// </summary>
public sealed class KeywordResponder(IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _texts = options.Value;

    public InboundDecision Decide(string text)
    {
        var classification = InboundClassifier.Classify(text);
        return classification.Intent switch
        {
            InboundIntent.OptOut => new InboundDecision("opt_out", classification.Keyword, BlacklistChange.Add,
                ConsentEventTypes.OptOut, ConsentEventTypes.StopKeywordSource,
                Answer(OutboxKinds.OptOutConfirmation, _texts.OptOutConfirmation)),
            InboundIntent.OptIn => new InboundDecision("opt_in", classification.Keyword, BlacklistChange.RemoveSelfService,
                ConsentEventTypes.OptIn, ConsentEventTypes.StartKeywordSource,
                Answer(OutboxKinds.OptInConfirmation, _texts.OptInConfirmation)),
            InboundIntent.Help => new InboundDecision("help", classification.Keyword, BlacklistChange.None,
                ConsentEventTypes.Help, ConsentEventTypes.HelpKeywordSource,
                Answer(OutboxKinds.Help, _texts.HelpText)),
            _ => new InboundDecision("reply", null),
        };
    }

    private OutboxReply? Answer(string kind, string text) =>
        string.IsNullOrWhiteSpace(text) ? null : new OutboxReply(kind, text.Replace("{sender}", _texts.SenderName, StringComparison.Ordinal));
}
