using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// A validated calling window, ready to store: allowed days, local start (inclusive) and end, and the
/// campaign's fallback IANA zone for recipients whose own zone is unknown. Days iterate Monday first.
/// </summary>
public sealed record CallingWindowSpec(
    IReadOnlySet<IsoDayOfWeek> Days,
    LocalTime Start,
    LocalTime End,
    string TimeZoneId)
{
    public static LocalTime DefaultStart { get; } = new(8, 0);

    public static LocalTime DefaultEnd { get; } = new(21, 0);

    public static IReadOnlySet<IsoDayOfWeek> EveryDay { get; } = ImmutableSortedSet.CreateRange(
        Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d));

    /// <summary>
    /// Validates a client's calling window; errors use <c>callingWindow.*</c> field names. A missing window
    /// is an error on <c>callingWindow.timeZone</c>, because the campaign's fallback zone has no default.
    /// </summary>
    public static bool TryParse(
        CallingWindowDraft? draft,
        [NotNullWhen(true)] out CallingWindowSpec? spec,
        out IReadOnlyList<ValidationError> errors) =>
        CallingWindowParser.TryParse(draft, out spec, out errors);
}
