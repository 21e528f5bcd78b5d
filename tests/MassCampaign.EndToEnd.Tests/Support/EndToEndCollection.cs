namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>
/// End-to-end tests run one at a time: each drives host processes, a Simulator and PostgreSQL at full speed, and
/// on a small machine two at once would starve each other's timings.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end";
}
