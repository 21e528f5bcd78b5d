namespace MassCampaign.Simulator.Voice;

/// <summary>A <c>to</c> or <c>from</c> of a call as Vonage writes it: <c>{"type":"phone","number":"447700900000"}</c>.</summary>
internal sealed record PhoneEndpoint(string Number)
{
    public string Type => "phone";
}
