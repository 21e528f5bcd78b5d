namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>One webhook host shared by the tests of a class; webhooks authenticate with the function key.</summary>
public sealed class WebhookHostFixture : IAsyncLifetime
{
    public const string SenderName = "Acme Alerts";

    public WebhookHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebhookHost.StartAsync(new Dictionary<string, string?>
    {
        ["massCampaign:messaging:senderName"] = SenderName,
        ["massCampaign:messaging:optOutConfirmation"] = "{sender}: you are unsubscribed. Reply START to resubscribe.",
        ["massCampaign:messaging:optInConfirmation"] = "{sender}: you are resubscribed. Reply STOP to opt out.",
        ["massCampaign:messaging:helpText"] = "{sender}: help at acme.example. Reply STOP to opt out.",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
