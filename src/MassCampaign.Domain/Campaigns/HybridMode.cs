namespace MassCampaign.Domain.Campaigns;

/// <summary>Which channel a hybrid campaign tries first for each recipient (settings.hybrid.mode).</summary>
public enum HybridMode
{
    /// <summary>Send the SMS; call the recipients whose SMS fails.</summary>
    SmsFirst,

    /// <summary>Call; send an SMS to the recipients whose call ends unanswered, busy or on voicemail.</summary>
    CallFirst,
}
