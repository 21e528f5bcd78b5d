using System.Globalization;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>Adds <c>nonce</c>, <c>timestamp</c> and <c>sig</c> the way a Vonage account with signed webhooks does.</summary>
internal static class WebhookSigner
{
    public static IReadOnlyDictionary<string, string> Sign(Dictionary<string, string> fields, SimulatorSettings settings, TimeProvider time)
    {
        if (string.IsNullOrEmpty(settings.SignatureSecret))
        {
            return fields;
        }

        fields["nonce"] = Guid.NewGuid().ToString();
        fields[VonageSignature.TimestampField] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fields[VonageSignature.SignatureField] = VonageSignature.Compute(fields, settings.SignatureSecret, settings.SignatureMethod);
        return fields;
    }
}
