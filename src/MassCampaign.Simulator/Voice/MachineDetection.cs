namespace MassCampaign.Simulator.Voice;

/// <summary>
/// What a call asked machine detection to do: hang up on a machine or carry on, and whether it reports the beep.
/// From <c>advanced_machine_detection</c>, or from plain <c>machine_detection</c> (never beep) when that is absent.
/// </summary>
internal sealed record MachineDetection(bool HangUpOnMachine, bool ReportsBeep);
