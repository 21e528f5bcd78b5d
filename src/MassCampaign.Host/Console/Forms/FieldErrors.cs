namespace MassCampaign.Host.OperatorConsole.Forms;

/// <summary>Validation errors keyed by the API's field names, shown next to the inputs they belong to.</summary>
public sealed class FieldErrors(IReadOnlyDictionary<string, string[]> errors, IReadOnlyCollection<string> shownFields)
{
    public static FieldErrors None { get; } = new(new Dictionary<string, string[]>(), []);

    public bool Any => errors.Count > 0;

    /// <summary>The field's own errors and those of its members (settings covers settings.retry.maxAttempts).</summary>
    public IReadOnlyList<string> For(string field) => errors
        .Where(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal) && !shownFields.Contains(e.Key))
        .SelectMany(e => e.Value)
        .ToList();

    /// <summary>Errors no input on the form shows, so the summary can.</summary>
    public IReadOnlyList<string> Unplaced => errors
        .Where(e => !shownFields.Any(f => e.Key == f || e.Key.StartsWith(f + ".", StringComparison.Ordinal)))
        .SelectMany(e => e.Key.Length == 0 ? e.Value : e.Value.Select(v => $"{e.Key}: {v}"))
        .ToList();
}
