namespace MassCampaign.Host.Tests.Webhooks;

public sealed class Sha256SignedWebhookTests(Sha256SignedHostFixture fixture)
    : SignedWebhookTests(fixture), IClassFixture<Sha256SignedHostFixture>;
