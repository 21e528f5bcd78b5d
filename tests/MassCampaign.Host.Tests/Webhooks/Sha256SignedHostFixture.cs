using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Tests.Webhooks;

public sealed class Sha256SignedHostFixture() : SignedHostFixture(VonageSignatureMethod.Sha256);
