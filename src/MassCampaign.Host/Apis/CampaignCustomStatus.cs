using System.Text.Json.Serialization;
using MassCampaign.Data.Voice;
using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Host.Apis;

/// <summary>
/// Where the campaign is and its recipient counts; pending includes deferred recipients. unknownUnresolved counts the
/// unknown sends still waiting for a receipt, or for the campaign's unknownPolicy once unknownResolveAfter has passed.
/// </summary>
public sealed record CampaignCustomStatus(
    string Phase,
    long Total,
    long Pending,
    long Sending,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Unknown,
    long UnknownUnresolved,
    long Cancelled,
    DateTime? NextWindowOpensAt,
    double RatePerSecond,
    int? QueuePosition,
    string? Reason)
{
    /// <summary>Voice and hybrid campaigns: calls still alive, and calls ended by outcome (per call attempt).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CallsInProgress { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Answered { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Voicemail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Busy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NoAnswer { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? OptedOut { get; init; }

    public static CampaignCustomStatus From(CampaignStatusView view, CallTally? calls)
    {
        var p = view.Progress;
        var status = new CampaignCustomStatus(
            view.Phase, p.Total, p.Pending + p.Deferred, p.Sending, p.Sent, p.Delivered, p.Failed, p.Skipped, p.Unknown,
            p.UnknownUnresolved, p.Cancelled,
            view.NextWindowOpensAt?.UtcDateTime, view.RatePerSecond, view.QueuePosition, view.Reason);
        return calls is null ? status : status with
        {
            CallsInProgress = calls.InProgress,
            Answered = calls.Answered,
            Voicemail = calls.Voicemail,
            Busy = calls.Busy,
            NoAnswer = calls.NoAnswer,
            OptedOut = calls.OptedOut,
        };
    }
}
