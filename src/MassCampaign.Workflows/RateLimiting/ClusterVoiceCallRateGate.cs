using MassCampaign.Vonage;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The voice client's rate gate on a silo: one token per call from the application's <see cref="IVoiceRateLeaseGrain"/>,
/// each call leaving at its token's due time, so calls from every host together keep to the account's rate.
/// </summary>
public sealed class ClusterVoiceCallRateGate(
    IGrainFactory grains, IOptions<VoiceRateLimitOptions> rate, IOptions<VonageOptions> vonage, TimeProvider time) : IVoiceCallRateGate
{
    private readonly string _key = $"voice:{(string.IsNullOrEmpty(vonage.Value.ApplicationId) ? "default" : vonage.Value.ApplicationId)}";

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (rate.Value.IsUnlimited)
        {
            return;
        }

        var grain = grains.GetGrain<IVoiceRateLeaseGrain>(_key);
        while (true)
        {
            var lease = await grain.LeaseAsync(1).WaitAsync(cancellationToken);
            if (lease.Granted > 0)
            {
                if (lease.FirstDueIn > TimeSpan.Zero)
                {
                    await Task.Delay(lease.FirstDueIn, time, cancellationToken);
                }

                return;
            }

            await Task.Delay(lease.RetryAfter > TimeSpan.Zero ? lease.RetryAfter : TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }
}
