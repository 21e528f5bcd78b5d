using System.Text.Json;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The names outcomes go by in config and stats: <c>human</c>, <c>machine</c>, <c>busy</c>, <c>noAnswer</c>,
/// <c>failed</c>. Spelt out here because the Simulator's enum converter writes lower case (<c>noanswer</c>).
/// </summary>
internal static class CallOutcomeNames
{
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<CallOutcome>().Select(Name)];

    public static string Name(CallOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    public static CallOutcome? Parse(string name) =>
        Enum.GetValues<CallOutcome>().Select(o => (CallOutcome?)o).FirstOrDefault(o => Name(o!.Value) == name);
}
