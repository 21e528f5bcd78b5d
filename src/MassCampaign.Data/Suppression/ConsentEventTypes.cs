namespace MassCampaign.Data.Suppression;

/// <summary>The consent_events.event_type, source and channel values the schema allows.</summary>
public static class ConsentEventTypes
{
    public const string OptOut = "opt_out";
    public const string OptIn = "opt_in";
    public const string Help = "help";
    public const string BlacklistAdded = "blacklist_added";
    public const string BlacklistRemoved = "blacklist_removed";

    public const string StopKeywordSource = "stop_keyword";
    public const string StartKeywordSource = "start_keyword";
    public const string HelpKeywordSource = "help_keyword";

    public const string SmsChannel = "sms";
    public const string ApiChannel = "api";
}
