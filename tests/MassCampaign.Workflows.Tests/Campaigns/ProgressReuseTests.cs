using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Workflows.Tests.Campaigns;

public sealed class ProgressReuseTests
{
    private static readonly TimeSpan Young = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan QuickCount = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void A_sending_campaign_reuses_counts_younger_than_a_second_though_batches_answered() =>
        Assert.True(ProgressReuse.Allowed(Young, QuickCount, sending: true, batchAnsweredSince: true));

    [Fact]
    public void A_campaign_not_sending_counts_afresh_once_a_batch_came_back() =>
        Assert.False(ProgressReuse.Allowed(Young, QuickCount, sending: false, batchAnsweredSince: true));

    [Fact]
    public void A_campaign_not_sending_with_nothing_back_reuses_young_counts() =>
        Assert.True(ProgressReuse.Allowed(Young, QuickCount, sending: false, batchAnsweredSince: false));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Quick_counts_a_second_old_are_never_reused(bool sending) =>
        Assert.False(ProgressReuse.Allowed(ProgressReuse.MinAge, QuickCount, sending, batchAnsweredSince: false));

    [Fact]
    public void A_slow_count_is_reused_for_ten_times_as_long_as_it_took()
    {
        var slow = TimeSpan.FromMilliseconds(400);

        Assert.Equal(TimeSpan.FromSeconds(4), ProgressReuse.MaxAge(slow));
        Assert.True(ProgressReuse.Allowed(TimeSpan.FromSeconds(3.9), slow, sending: true, batchAnsweredSince: true));
        Assert.False(ProgressReuse.Allowed(TimeSpan.FromSeconds(4), slow, sending: true, batchAnsweredSince: true));
    }
}
