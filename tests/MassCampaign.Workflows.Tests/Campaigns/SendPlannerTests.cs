using MassCampaign.Domain.Scheduling;
using MassCampaign.Workflows.Campaigns;
using NodaTime;

namespace MassCampaign.Workflows.Tests.Campaigns;

public sealed class SendPlannerTests
{
    // Monday 2026-03-02 12:00 UTC: 12:00 in London, 07:00 in New York, 21:00 in Tokyo.
    private static readonly Instant Noon = Instant.FromUtc(2026, 3, 2, 12, 0);

    private static readonly CallingWindow NineToFive = new(
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        new LocalTime(9, 0), new LocalTime(17, 0));

    [Fact]
    public void Nothing_is_due_when_no_zone_has_pending_recipients()
    {
        var plan = SendPlanner.Plan(NineToFive, [], Noon, freeSlots: 4, inFlight: 0, lastClaimWasFull: true);

        Assert.IsType<SendPlan.NothingDue>(plan);
    }

    [Fact]
    public void Only_zones_inside_their_window_are_sent_to()
    {
        var plan = SendPlanner.Plan(NineToFive, ["Europe/London", "America/New_York"], Noon, 4, 0, lastClaimWasFull: false);

        var dispatch = Assert.IsType<SendPlan.Dispatch>(plan);
        Assert.Equal(["Europe/London"], dispatch.OpenZoneKeys);
    }

    [Fact]
    public void When_every_zone_is_closed_the_campaign_waits_for_the_earliest_opening()
    {
        var plan = SendPlanner.Plan(NineToFive, ["America/New_York", "Asia/Tokyo"], Noon, 4, 0, false);

        var wait = Assert.IsType<SendPlan.WaitForWindow>(plan);
        // New York opens at 09:00 EST = 14:00 UTC, before Tokyo's next 09:00 (Tuesday 00:00 UTC).
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 14, 0), wait.OpensAt);
    }

    [Fact]
    public void A_window_without_days_never_opens()
    {
        var never = new CallingWindow([], new LocalTime(9, 0), new LocalTime(17, 0));

        var plan = SendPlanner.Plan(never, ["Europe/London"], Noon, 4, 0, false);

        Assert.IsType<SendPlan.WindowNeverOpens>(plan);
    }

    [Fact]
    public void After_a_full_batch_every_free_slot_is_filled()
    {
        var plan = SendPlanner.Plan(NineToFive, ["Europe/London"], Noon, freeSlots: 3, inFlight: 1, lastClaimWasFull: true);

        Assert.Equal(3, Assert.IsType<SendPlan.Dispatch>(plan).Batches);
    }

    [Fact]
    public void Without_a_full_batch_one_batch_probes_at_a_time()
    {
        var idle = SendPlanner.Plan(NineToFive, ["Europe/London"], Noon, freeSlots: 4, inFlight: 0, lastClaimWasFull: false);
        var busy = SendPlanner.Plan(NineToFive, ["Europe/London"], Noon, freeSlots: 3, inFlight: 1, lastClaimWasFull: false);

        Assert.Equal(1, Assert.IsType<SendPlan.Dispatch>(idle).Batches);
        Assert.IsType<SendPlan.Busy>(busy);
    }
}
