namespace MassCampaign.Domain.Messaging;

/// <summary>The data coding a gateway picks for a whole SMS body.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
