namespace MassCampaign.Data.Suppression;

/// <summary>The blacklist.source values the schema allows.</summary>
public static class BlacklistSources
{
    public const string StopKeyword = "stop_keyword";
    public const string DtmfOptOut = "dtmf_opt_out";
    public const string Operator = "operator";
    public const string Complaint = "complaint";

    /// <summary>What an operator may give through the API; the keyword and DTMF sources come from the contact.</summary>
    public static IReadOnlyList<string> OperatorChoices { get; } = [Operator, Complaint];

    /// <summary>Entries the contact made and may therefore undo with START; an operator's entry stays.</summary>
    public static IReadOnlyList<string> SelfService { get; } = [StopKeyword, DtmfOptOut];
}
