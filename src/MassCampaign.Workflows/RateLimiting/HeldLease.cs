using MassCampaign.Domain.RateLimiting;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The tokens of one lease on a silo's clock, each due at <see cref="TokenGrant.DueAt"/>; a token claimed later than
/// the tolerance after its due time is dropped, because spending it then would add to a burst.
/// </summary>
internal sealed class HeldLease(TokenGrant grant, TimeSpan tolerance)
{
    private int _claimed;

    /// <summary>The due time of the next token still worth spending at <paramref name="now"/>, if any is left.</summary>
    public bool TryClaim(TimeSpan now, out TimeSpan due)
    {
        while (_claimed < grant.Count)
        {
            due = grant.DueAt(_claimed++);
            if (now - due <= tolerance)
            {
                return true;
            }
        }

        due = default;
        return false;
    }
}
