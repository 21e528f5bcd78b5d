using MassCampaign.Data.Lifecycle;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>Whether what a campaign's channels will say can be used: its SMS template, its voice script, or both for a hybrid.</summary>
internal static class CampaignScripts
{
    public static string? WhyUnusable(CampaignDefinition campaign)
    {
        if (campaign.Type != CampaignType.Voice && !SmsTemplate.TryParse(campaign.SmsTemplate ?? "", out _, out var smsError))
        {
            return $"The SMS template cannot be used: {smsError}";
        }

        // The script takes the template syntax of SMS; its length is checked per recipient, once rendered.
        if (campaign.Type != CampaignType.Sms && !SmsTemplate.TryParse(campaign.VoiceScript ?? "", out _, out var voiceError))
        {
            return $"The voice script cannot be used: {voiceError}";
        }

        return null;
    }
}
