namespace MassCampaign.Domain.RateLimiting;

/// <summary>
/// An account's rate as a schedule of due times (the generic cell rate algorithm): every token gets its own moment,
/// one <c>1/rate</c> after the previous one, so due times never bunch. An idle account may reach back at most
/// <c>burst − 1</c> spacings, which is the bucket's burst; a new schedule owes none. Spending each token at its due
/// time, and dropping a token not spent within <see cref="Tolerance"/> of it, keeps any one-second window within
/// rate + burst, across any number of hosts leasing from one schedule.
/// </summary>
public sealed class TokenSchedule
{
    private const double MinimumRetry = 0.001;

    // A token due exactly at the horizon must not be lost to 3.9999… spacings.
    private const double RoundingSlack = 1e-9;

    private readonly double _perSecond;
    private readonly double _horizon;
    private readonly double _reachBack;

    // Seconds, not ticks: a spacing of 1/rate rounded to whole ticks would drift by up to a tick per token.
    private double _next;

    /// <param name="perSecond">The account's sustained rate.</param>
    /// <param name="burst">Tokens an idle account may spend at once.</param>
    /// <param name="horizon">How far ahead of now a grant may reach, which bounds what one host holds.</param>
    /// <param name="start">
    /// When the schedule begins. It owes no burst then: a host warming up delays its first requests and sends them
    /// bunched with the ones after, and a schedule restarted after a failure must not add a burst to the old one's.
    /// </param>
    public TokenSchedule(int perSecond, int burst, TimeSpan horizon, TimeSpan start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _perSecond = perSecond;
        _reachBack = (burst - 1) / _perSecond;
        _horizon = horizon.TotalSeconds;
        Spacing = TimeSpan.FromSeconds(1 / _perSecond);
        Tolerance = TimeSpan.FromSeconds(_reachBack);
        _next = start.TotalSeconds;
    }

    public TimeSpan Spacing { get; }

    /// <summary>How late a token may still be spent; later than that it is dropped, or it would add to a burst.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Grants up to <paramref name="wanted"/> tokens due no later than <paramref name="now"/> + horizon.</summary>
    public TokenGrant Lease(TimeSpan now, int wanted)
    {
        var seconds = now.TotalSeconds;
        var first = Math.Max(_next, seconds - _reachBack);
        var reach = seconds + _horizon;
        if (first > reach)
        {
            // At least a millisecond, so a wait that rounds to nothing cannot become a busy loop of lease calls.
            var retryAfter = TimeSpan.FromSeconds(Math.Max(first - reach, MinimumRetry));
            return new TokenGrant(0, TimeSpan.FromSeconds(first), Spacing, retryAfter);
        }

        var count = (int)Math.Min(Math.Max(1, wanted), Math.Floor(((reach - first) * _perSecond) + RoundingSlack) + 1);
        // Reaching back the whole tolerance is stated in ticks from now: through seconds it could land a tick further.
        var firstDue = _next >= seconds - _reachBack ? TimeSpan.FromSeconds(first) : now - Tolerance;
        _next = first + (count / _perSecond);
        return new TokenGrant(count, firstDue, Spacing, TimeSpan.Zero);
    }
}
