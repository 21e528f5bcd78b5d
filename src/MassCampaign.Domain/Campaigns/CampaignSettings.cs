using System.Text.Json;
using NodaTime;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// A campaign's settings object: the members the engine reads, validated, and every other member (an operator's
/// notes) kept as given in <see cref="Other"/>.
/// </summary>
/// <param name="Retry">settings.retry: retries of sends that failed with a retryable error.</param>
/// <param name="UnknownPolicy">settings.unknownPolicy: what becomes of a send still unknown after <paramref name="UnknownResolveAfter"/>.</param>
/// <param name="UnknownResolveAfter">settings.unknownResolveAfter: how long an unknown send waits for its receipt.</param>
/// <param name="Other">Members this version does not interpret, by name, in the order given.</param>
public sealed record CampaignSettings(
    RetryPolicy Retry,
    UnknownPolicy UnknownPolicy,
    Duration UnknownResolveAfter,
    IReadOnlyDictionary<string, JsonElement> Other)
{
    public static Duration MinUnknownResolveAfter { get; } = Duration.FromSeconds(1);

    public static Duration MaxUnknownResolveAfter { get; } = Duration.FromDays(7);

    public static CampaignSettings Default { get; } =
        new(RetryPolicy.None, UnknownPolicy.Resend, Duration.FromMinutes(15), new Dictionary<string, JsonElement>());

    /// <summary>settings.voice: how calls are placed; SMS campaigns ignore it.</summary>
    public VoiceSettings Voice { get; init; } = VoiceSettings.Default;

    /// <summary>settings.hybrid: which channel goes first; required of hybrid campaigns, absent otherwise.</summary>
    public HybridSettings? Hybrid { get; init; }

    /// <summary>
    /// Validates a client's settings (null or absent means every default); errors use <c>settings.*</c> field paths.
    /// The settings returned hold the default wherever a member was missing or invalid.
    /// </summary>
    public static CampaignSettings Parse(JsonElement? json, out IReadOnlyList<ValidationError> errors)
    {
        var found = new List<ValidationError>();
        var settings = CampaignSettingsParser.Parse(json, found);
        errors = found;
        return settings;
    }

    /// <summary>Reads stored settings; a member a row holds from before settings were typed takes its default.</summary>
    public static CampaignSettings FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement, out _);
    }

    /// <summary>The settings as stored and returned: every known member written out, defaults included, then the others.</summary>
    public string ToJson() => CampaignSettingsWriter.Write(this);
}
