using Microsoft.Extensions.Logging;

namespace MassCampaign.Vonage.Sms;

internal static partial class VonageSmsLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Vonage did not take the SMS ({Outcome}: {ErrorText}); retrying in {Delay}.")]
    public static partial void Retrying(ILogger logger, SmsSendOutcome? outcome, string? errorText, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {ClientRef} may or may not have been taken by Vonage: {ErrorText}")]
    public static partial void Ambiguous(ILogger logger, string clientRef, string? errorText);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {ClientRef} got status {Status}, which VONAGE.md does not list; treated as permanent: {ErrorText}")]
    public static partial void UnknownStatus(ILogger logger, string clientRef, int status, string? errorText);
}
