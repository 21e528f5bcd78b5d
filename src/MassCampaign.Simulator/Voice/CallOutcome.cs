namespace MassCampaign.Simulator.Voice;

/// <summary>How a simulated call ends up, drawn when it is created.</summary>
internal enum CallOutcome
{
    Human,
    Machine,
    Busy,
    NoAnswer,
    Failed,
}
