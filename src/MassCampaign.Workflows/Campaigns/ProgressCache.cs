using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>The campaign's last recipient count and when it may answer again instead of a new one (<see cref="ProgressReuse"/>).</summary>
internal sealed class ProgressCache(Guid campaignId, ISendPathRepository sendPath, TimeProvider time)
{
    private RecipientTally? _tally;
    private long _at;
    private TimeSpan _took;
    private long _answered;

    public async Task<RecipientTally> ReadAsync(bool sending, long batchesAnswered, CancellationToken ct) =>
        _tally is not null
        && ProgressReuse.Allowed(time.GetElapsedTime(_at), _took, sending, batchAnsweredSince: _answered != batchesAnswered)
            ? _tally
            : await RefreshAsync(batchesAnswered, ct);

    public async Task<RecipientTally> RefreshAsync(long batchesAnswered, CancellationToken ct)
    {
        _answered = batchesAnswered;
        var started = time.GetTimestamp();
        _tally = await sendPath.GetProgressAsync(campaignId, ct);
        _at = time.GetTimestamp();
        _took = time.GetElapsedTime(started, _at);
        return _tally;
    }

    /// <summary>The campaign changed in a way counts show (a new phase, cancelled, ended): the next read counts afresh.</summary>
    public void Forget() => _tally = null;
}
