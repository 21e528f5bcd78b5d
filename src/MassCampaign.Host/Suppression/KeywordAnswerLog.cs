namespace MassCampaign.Host.Suppression;

internal static partial class KeywordAnswerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending queued keyword answers failed; they are tried again when their lease ends.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} to {Phone} may or may not have been sent ({Error}); it is not sent again.")]
    public static partial void Uncertain(ILogger logger, string kind, string phone, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} to {Phone} could not be sent: {Error}")]
    public static partial void Failed(ILogger logger, string kind, string phone, string error);
}
