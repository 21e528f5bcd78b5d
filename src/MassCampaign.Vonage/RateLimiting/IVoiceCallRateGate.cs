namespace MassCampaign.Vonage.RateLimiting;

/// <summary>
/// Admits one call creation at a time at the account's call rate (VONAGE.md §6.7: 3 per second by default), separate
/// from the SMS gate. The local <see cref="LocalVoiceCallRateGate"/> is the default; a cluster swaps in a shared one.
/// </summary>
public interface IVoiceCallRateGate
{
    /// <summary>Completes when one call may be created; throws only when <paramref name="cancellationToken"/> fires.</summary>
    ValueTask WaitAsync(CancellationToken cancellationToken);
}
