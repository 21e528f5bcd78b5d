using MassCampaign.Simulator;

namespace MassCampaign.Vonage.Tests.Support;

public static class SimulatorStart
{
    public static Task<VonageSimulator> OnFreePortAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { DlrDelayMs = 0 };
        configure?.Invoke(options);
        return VonageSimulator.StartAsync(options);
    }
}
