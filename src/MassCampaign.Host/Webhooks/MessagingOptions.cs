namespace MassCampaign.Host.Webhooks;

/// <summary>
/// The answers to keywords (massCampaign:messaging in host.json); <c>{sender}</c> in a text becomes
/// <see cref="SenderName"/>. An empty text means that keyword gets no answer.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "massCampaign:messaging";

    public string SenderName { get; set; } = "MassCampaign";

    public string OptOutConfirmation { get; set; } =
        "You are unsubscribed from {sender} messages. No more messages will be sent. Reply START to resubscribe.";

    /// <summary>CTIA asks for every opt-in to be confirmed, with how to opt out again.</summary>
    public string OptInConfirmation { get; set; } = "You are resubscribed to {sender} messages. Reply STOP to unsubscribe.";

    public string HelpText { get; set; } = "{sender}: reply STOP to unsubscribe. Msg & data rates may apply.";
}
