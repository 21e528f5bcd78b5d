namespace MassCampaign.Host.Tests.Webhooks;

public sealed class Md5HashSignedWebhookTests(Md5HashSignedHostFixture fixture)
    : SignedWebhookTests(fixture), IClassFixture<Md5HashSignedHostFixture>;
