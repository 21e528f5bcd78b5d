using System.Collections.Concurrent;
using MassCampaign.Data.Suppression;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// The numbers blacklisted lately, as this silo's senders see them right before each request: never more than a
/// second old, refreshed in one query for every sender, never a round trip per recipient. A claim already left out
/// whatever was blacklisted before it, so only what came since matters; an opt-out taken by this host is seen at once.
/// </summary>
public sealed class RecentOptOuts(RecentBlacklistQueries queries, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    // Claims are seconds old at most (a batch's budget); ten minutes back covers any claim still being sent.
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(10);

    // A row's created_at is taken when its transaction starts, and it is seen only once that commits.
    private static readonly TimeSpan CommitOverlap = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _phones = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DateTimeOffset? _readFrom;
    private long _refreshedAt;

    /// <summary>Throws when the blacklist cannot be read: a send that cannot be checked does not go.</summary>
    public async ValueTask<bool> ContainsAsync(string phoneE164, CancellationToken ct)
    {
        if (_readFrom is null || time.GetElapsedTime(Volatile.Read(ref _refreshedAt)) > MaxAge)
        {
            await RefreshAsync(ct);
        }

        return _phones.ContainsKey(phoneE164);
    }

    /// <summary>An opt-out this host has just committed; senders here see it before the next refresh.</summary>
    public void Add(string phoneE164) => _phones[phoneE164] = time.GetUtcNow();

    private async Task RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_readFrom is not null && time.GetElapsedTime(Volatile.Read(ref _refreshedAt)) <= MaxAge)
            {
                return;
            }

            var started = time.GetTimestamp();
            var now = time.GetUtcNow();
            foreach (var phone in await queries.AddedSinceAsync(_readFrom ?? now - Lookback, ct))
            {
                _phones[phone] = now;
            }

            foreach (var (phone, seen) in _phones)
            {
                if (now - seen > Lookback)
                {
                    _phones.TryRemove(phone, out _);
                }
            }

            _readFrom = now - CommitOverlap;
            Volatile.Write(ref _refreshedAt, started);
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
