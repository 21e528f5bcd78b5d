using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Workflows.Tests.Campaigns;

public sealed class ProgressReuseTests
{
    private static readonly TimeSpan Young = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_sending_campaign_reuses_counts_younger_than_a_second_though_batches_answered() =>
        Assert.True(ProgressReuse.Allowed(Young, sending: true, batchAnsweredSince: true));

    [Fact]
    public void A_campaign_not_sending_counts_afresh_once_a_batch_came_back() =>
        Assert.False(ProgressReuse.Allowed(Young, sending: false, batchAnsweredSince: true));

    [Fact]
    public void A_campaign_not_sending_with_nothing_back_reuses_young_counts() =>
        Assert.True(ProgressReuse.Allowed(Young, sending: false, batchAnsweredSince: false));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Counts_a_second_old_are_never_reused(bool sending) =>
        Assert.False(ProgressReuse.Allowed(ProgressReuse.MaxAge, sending, batchAnsweredSince: false));
}
