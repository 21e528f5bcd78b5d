using MassCampaign.Data.Sending;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Workflows.Sending;

/// <summary>One claimed recipient's rendered message, with its encoding and segment count.</summary>
internal sealed record SmsMessageDraft(Guid CampaignId, string Sender, ClaimedRecipient Recipient, string Body, SmsTextInfo Info)
{
    public static SmsMessageDraft Render(Guid campaignId, string sender, SmsTemplate template, ClaimedRecipient recipient)
    {
        var body = template.Render(new TemplateValues(
            recipient.FirstName, recipient.LastName, recipient.PhoneE164, recipient.TimeZone, recipient.Attributes));
        return new SmsMessageDraft(campaignId, sender, recipient, body, SmsText.Analyze(body));
    }
}
