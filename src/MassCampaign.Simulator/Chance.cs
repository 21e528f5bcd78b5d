namespace MassCampaign.Simulator;

/// <summary>Draws whether a configured share of requests is hit; 0 never, 1 always.</summary>
internal static class Chance
{
    public static bool Hit(double share) => share > 0 && (share >= 1 || Random.Shared.NextDouble() < share);
}
