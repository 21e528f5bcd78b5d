using MassCampaign.Simulator;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>A webhook host with a Vonage signature secret, and a Simulator that signs its webhooks the same way.</summary>
public abstract class SignedHostFixture(VonageSignatureMethod method) : IAsyncLifetime
{
    public const string Secret = "test-signature-secret";

    public VonageSignatureMethod Method { get; } = method;

    public WebhookHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebhookHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Vonage:SignatureSecret"] = Secret,
            ["Vonage:SignatureMethod"] = Method.ToString().ToLowerInvariant(),
        },
        new SimulatorOptions { SignatureSecret = Secret, SignatureMethod = Method });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
