using MassCampaign.Data.Inbound;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Host.Webhooks;

/// <summary>Counts the replies an inbound webhook stored (its transaction has committed; Vonage's retries store none).</summary>
internal static class InboundMetrics
{
    public static void Record(InboundOutcome outcome)
    {
        foreach (var reply in outcome.Replies)
        {
            // A reply belongs to the campaign that last messaged its number; a known contact with none, or a number
            // that is no contact at all, is stored all the same and counted apart.
            var association = reply.CampaignId is not null ? "matched" : reply.ContactId is not null ? "contact_only" : "unmatched";
            CampaignMetrics.Add(CampaignMetrics.Replies, 1, "association", association, "classification", reply.Classification);
            if (reply.Classification == "opt_out")
            {
                CampaignMetrics.Add(CampaignMetrics.OptOuts, 1, "channel", "sms");
            }
        }
    }
}
