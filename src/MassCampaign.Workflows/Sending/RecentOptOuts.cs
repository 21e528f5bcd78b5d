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

    // A request is answered within the client's timeout; an opt-out's acknowledgement never waits longer than that.
    private static readonly TimeSpan LongestWaitForRequests = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _underWay = new(StringComparer.Ordinal);
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

    /// <summary>
    /// The last look right before a request leaves, without a refresh: false if the number has opted out; else the
    /// request counts as under way until <see cref="Leave"/>, and an opt-out taken here waits for it.
    /// </summary>
    public bool TryEnter(string phoneE164)
    {
        lock (_underWay)
        {
            _underWay[phoneE164] = _underWay.GetValueOrDefault(phoneE164) + 1;
        }

        if (!_phones.ContainsKey(phoneE164))
        {
            return true;
        }

        Leave(phoneE164);
        return false;
    }

    public void Leave(string phoneE164)
    {
        lock (_underWay)
        {
            if (_underWay.TryGetValue(phoneE164, out var count) && count > 1)
            {
                _underWay[phoneE164] = count - 1;
            }
            else
            {
                _underWay.Remove(phoneE164);
            }
        }
    }

    /// <summary>
    /// An opt-out this host has just committed: senders here hold the number back from now on, and this completes once
    /// no request to it is under way here, so nothing reaches the number after the opt-out is acknowledged.
    /// </summary>
    public async Task AddAsync(string phoneE164, CancellationToken ct)
    {
        _phones[phoneE164] = time.GetUtcNow();
        var started = time.GetTimestamp();
        while (IsUnderWay(phoneE164) && time.GetElapsedTime(started) < LongestWaitForRequests)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time, ct);
        }
    }

    private bool IsUnderWay(string phoneE164)
    {
        lock (_underWay)
        {
            return _underWay.ContainsKey(phoneE164);
        }
    }

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
