using MassCampaign.Simulator;
using MassCampaign.Simulator.Webhooks;

namespace MassCampaign.Vonage.Tests.Simulator;

public sealed class WebhookRetryScheduleTests
{
    // Vonage's own schedule (VONAGE.md §2.5): 5 s, doubling to 15 minutes, for 24 hours.
    private static readonly WebhookRetrySchedule Vonage = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 640)]
    [InlineData(9, 900)]
    [InlineData(500, 900)]
    public void Waits_double_with_each_failure_up_to_the_ceiling(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Vonage.NextDelay(failures, TimeSpan.Zero));

    [Fact]
    public void No_post_is_planned_past_the_retry_period()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), Vonage.NextDelay(100, TimeSpan.FromHours(24) - TimeSpan.FromMinutes(15)));
        Assert.Null(Vonage.NextDelay(100, TimeSpan.FromHours(24) - TimeSpan.FromMinutes(14)));
    }

    [Fact]
    public void Zero_or_negative_settings_still_wait_between_posts()
    {
        var schedule = new SimulatorOptions { DlrRetryFirstDelayMs = 0, DlrRetryMaxDelayMs = -5, DlrRetryForMs = 1_000 }.DlrRetrySchedule();

        Assert.Equal(TimeSpan.FromMilliseconds(1), schedule.NextDelay(1, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMilliseconds(1), schedule.NextDelay(50, TimeSpan.Zero));
    }
}
