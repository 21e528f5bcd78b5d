using MassCampaign.Simulator;

await VonageSimulator.RunAsync(args);
