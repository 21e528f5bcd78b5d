using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Data.Sending;

/// <summary>Counts a batch's outcomes once their write has committed: each is counted as the recipient now stands.</summary>
internal static class SendOutcomeMetrics
{
    public static void RecordSms(IReadOnlyList<SendOutcome> outcomes)
    {
        long sent = 0, unknown = 0, released = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Kind)
            {
                case SendOutcomeKind.Accepted:
                    sent++;
                    break;
                case SendOutcomeKind.Ambiguous:
                    unknown++;
                    break;
                case SendOutcomeKind.Released:
                    released++;
                    break;
                case SendOutcomeKind.Permanent:
                    CampaignMetrics.Add(CampaignMetrics.SmsFailed, 1, "code", outcome.ErrorCode);
                    break;
                case SendOutcomeKind.Retry:
                    CampaignMetrics.Add(CampaignMetrics.SmsRetries, 1, "code", outcome.ErrorCode);
                    break;
            }
        }

        CampaignMetrics.Add(CampaignMetrics.SmsSent, sent);
        CampaignMetrics.Add(CampaignMetrics.SmsUnknown, unknown);
        CampaignMetrics.Add(CampaignMetrics.SendsReleased, released, "channel", "sms");
    }

    public static void RecordCalls(IReadOnlyList<SendOutcome> outcomes)
    {
        CampaignMetrics.Add(CampaignMetrics.CallsPlaced, outcomes.Count(o => o.Kind == SendOutcomeKind.Accepted));
        CampaignMetrics.Add(CampaignMetrics.SendsReleased, outcomes.Count(o => o.Kind == SendOutcomeKind.Released), "channel", "voice");
    }

    /// <summary>A claim's blacklist look-ups: those it closed as skipped, and those it handed on to be sent.</summary>
    public static void RecordClaim(int sending, int skippedBlacklisted)
    {
        CampaignMetrics.Add(CampaignMetrics.BlacklistChecks, skippedBlacklisted, "result", "hit");
        CampaignMetrics.Add(CampaignMetrics.BlacklistChecks, sending, "result", "miss");
        CampaignMetrics.Add(CampaignMetrics.RecipientsSkipped, skippedBlacklisted, "reason", "blacklisted");
    }
}
