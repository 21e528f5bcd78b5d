namespace MassCampaign.Vonage.Sms;

/// <summary>The SMS API <c>status</c> codes that change what the client does (VONAGE.md §1.5); all others are permanent.</summary>
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

    /// <summary>Codes that say the SMS was not taken and a later try may succeed.</summary>
    public static bool IsRetryable(int status) => status is Throttled or InternalError or TooManyExistingBinds;
}
