namespace MassCampaign.Simulator.Sms;

/// <summary>An accepted submission as the Simulator saw it, for tests that check what the client sent.</summary>
public sealed record ReceivedSms(
    string From,
    string To,
    string Text,
    string? Type,
    string? ClientRef,
    string? Callback,
    IReadOnlyList<string> MessageIds,
    DateTimeOffset ReceivedAt);
