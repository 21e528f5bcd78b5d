using Microsoft.Extensions.Logging;

namespace MassCampaign.Vonage.Voice;

internal static partial class VonageVoiceLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Vonage did not create the call ({Outcome}: {ErrorText}); retrying in {Delay}.")]
    public static partial void Retrying(ILogger logger, CallCreateOutcome? outcome, string? errorText, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The call to {To} may or may not have been created: {ErrorText}")]
    public static partial void Ambiguous(ILogger logger, string to, string? errorText);
}
