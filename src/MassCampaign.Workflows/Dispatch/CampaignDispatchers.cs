using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Voice;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>The channel a campaign's lifecycle drives, by its type: SMS, voice, or both (hybrid, in its mode's order).</summary>
public sealed class CampaignDispatchers(
    CallRepository calls, CallSettler settler, HybridFollowUps followUps, IOptions<VoiceRateLimitOptions> voiceRate)
{
    public ICampaignDispatcher For(CampaignDefinition campaign, IGrainFactory grains) => campaign.Type switch
    {
        CampaignType.Sms => new SmsDispatcher(grains),
        CampaignType.Voice => new VoiceDispatcher(grains, calls, settler, voiceRate.Value),
        _ when campaign.Settings.Hybrid?.Mode == HybridMode.CallFirst => new HybridDispatcher(
            new VoiceDispatcher(grains, calls, settler, voiceRate.Value), new SmsDispatcher(grains, followUps: true), smsFirst: false, followUps),
        _ => new HybridDispatcher(
            new SmsDispatcher(grains), new VoiceDispatcher(grains, calls, settler, voiceRate.Value, followUps: true), smsFirst: true, followUps),
    };
}
