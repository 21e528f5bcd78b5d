namespace MassCampaign.Host.Contacts;

/// <summary>The body cannot be read (any further): no phone column, malformed CSV or JSON, a row too large.</summary>
/// <param name="Row">The data row where reading stopped, when known.</param>
public sealed class ContactImportException(string title, string detail, long? row = null) : Exception(detail)
{
    public string Title { get; } = title;

    public long? Row { get; } = row;

    /// <summary>What became of the rows before the one where reading stopped; they are imported all the same.</summary>
    public ContactImportResult? Partial { get; init; }
}
