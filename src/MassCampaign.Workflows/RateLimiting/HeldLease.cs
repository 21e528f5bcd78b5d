namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The tokens of one lease on a silo's clock: token i is due at the first due time + i × spacing and is dropped
/// if it is claimed later than the tolerance after that, because spending it then would add to a burst.
/// </summary>
internal sealed class HeldLease(TimeSpan firstDue, RateLease lease)
{
    private int _claimed;

    /// <summary>The due time of the next token still worth spending at <paramref name="now"/>, if any is left.</summary>
    public bool TryClaim(TimeSpan now, out TimeSpan due)
    {
        while (_claimed < lease.Granted)
        {
            due = firstDue + (lease.Spacing * _claimed++);
            if (now - due <= lease.Tolerance)
            {
                return true;
            }
        }

        due = default;
        return false;
    }
}
