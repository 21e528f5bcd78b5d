namespace MassCampaign.Host.Suppression;

/// <summary>Wakes the keyword answer sender as soon as an answer is queued, instead of at its next poll.</summary>
public sealed class KeywordAnswerSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        // One pending wake-up is enough: the sender drains everything due when it runs.
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller released it first.
            }
        }
    }

    /// <returns>True when woken by <see cref="Notify"/>, false after <paramref name="timeout"/>.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _queued.WaitAsync(timeout, ct);
}
