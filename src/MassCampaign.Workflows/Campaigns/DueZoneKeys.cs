using MassCampaign.Data.Sending;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// The campaign's zone keys with recipients due, read again only when a batch reported a change to what is pending,
/// or every few seconds (retries fall due, imports add rows).
/// </summary>
internal sealed class DueZoneKeys(Guid campaignId, ISendPathRepository sendPath, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private IReadOnlyList<string>? _keys;
    private long _readAt;

    public async Task<IReadOnlyList<string>> ReadAsync(Instant now, InFlightBatches inFlight, CancellationToken ct)
    {
        if (_keys is null || inFlight.PendingMayHaveChanged || time.GetElapsedTime(_readAt) > MaxAge)
        {
            inFlight.PendingMayHaveChanged = false;
            _keys = await sendPath.PendingZoneKeysAsync(campaignId, now.ToDateTimeOffset(), ct);
            _readAt = time.GetTimestamp();
        }

        return _keys;
    }

    public void Forget() => _keys = null;
}
