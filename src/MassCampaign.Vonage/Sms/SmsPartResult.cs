namespace MassCampaign.Vonage.Sms;

/// <summary>One <c>messages[i]</c> entry of the SMS API answer; a long SMS has one per part (VONAGE.md §1.4).</summary>
public sealed record SmsPartResult(
    int Status,
    string? MessageId,
    string? To,
    decimal? Price,
    decimal? RemainingBalance,
    string? Network,
    string? ClientRef,
    string? ErrorText)
{
    public bool IsAccepted => Status == SmsStatusCodes.Success;
}
