using MassCampaign.Host;

var app = MassCampaignHost.Build(args);
await app.RunAsync();
