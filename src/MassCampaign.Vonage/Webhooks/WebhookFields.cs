using System.Globalization;

namespace MassCampaign.Vonage.Webhooks;

/// <summary>Reads flattened webhook fields the tolerant way Vonage's mixed formats need (VONAGE.md §2.2, §8 #7).</summary>
internal sealed class WebhookFields(IReadOnlyDictionary<string, string> fields)
{
    private static readonly string[] MessageTimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public string Required(string name)
    {
        if (Optional(name) is { } value)
        {
            return value;
        }

        _errors.Add($"The required field '{name}' is missing.");
        return "";
    }

    public string? Optional(string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public int RequiredInt(string name)
    {
        var text = Required(name);
        if (text.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _errors.Add($"The field '{name}' must be a whole number, not '{text}'.");
        return 0;
    }

    public int? OptionalInt(string name) =>
        int.TryParse(Optional(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public decimal? OptionalDecimal(string name) =>
        decimal.TryParse(Optional(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Unix seconds, sent as a JSON number or a string, with or without a fraction.</summary>
    public long? OptionalUnixSeconds(string name) =>
        decimal.TryParse(Optional(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
        && value is >= 0 and <= long.MaxValue
            ? (long)decimal.Truncate(value)
            : null;

    /// <summary>The documented <c>YYYY-MM-DD HH:MM:SS</c> (UTC) or the ISO 8601 the SDK fixtures use.</summary>
    public DateTimeOffset? OptionalMessageTimestamp(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(text, MessageTimestampFormats, CultureInfo.InvariantCulture, utc, out var exact)
            ? exact
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, utc, out var loose) ? loose : null;
    }
}
