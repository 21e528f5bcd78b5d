namespace MassCampaign.Vonage.Sms;

/// <summary>
/// Names for the SMS API <c>status</c> codes the code refers to (VONAGE.md §1.5); what every code means for a send
/// is in <see cref="SmsStatusClassification"/>.
/// </summary>
public static class SmsStatusCodes
{
    public const int Success = 0;
    public const int Throttled = 1;
    public const int MissingParameters = 2;
    public const int InvalidParameters = 3;
    public const int InvalidCredentials = 4;
    public const int InternalError = 5;
    public const int InvalidMessage = 6;
    public const int TooManyExistingBinds = 10;
}
