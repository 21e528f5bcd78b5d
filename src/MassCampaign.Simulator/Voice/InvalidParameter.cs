namespace MassCampaign.Simulator.Voice;

/// <summary>One entry of the <c>invalid_parameters</c> list a Vonage 400 problem carries (VONAGE.md §7).</summary>
internal sealed record InvalidParameter(string Name, string Reason);
