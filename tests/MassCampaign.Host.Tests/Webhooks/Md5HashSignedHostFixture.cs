using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Tests.Webhooks;

public sealed class Md5HashSignedHostFixture() : SignedHostFixture(VonageSignatureMethod.Md5Hash);
