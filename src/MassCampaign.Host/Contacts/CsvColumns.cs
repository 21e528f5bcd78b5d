using System.Text.Json;
using CsvHelper;

namespace MassCampaign.Host.Contacts;

/// <summary>Where the known columns of a CSV import are; every other named column is an attribute.</summary>
internal sealed class CsvColumns
{
    private readonly int phone;
    private readonly int firstName;
    private readonly int lastName;
    private readonly int timeZone;
    private readonly (int Index, JsonEncodedText Name)[] attributes;
    private readonly int count;

    private CsvColumns(int phone, int firstName, int lastName, int timeZone, (int, JsonEncodedText)[] attributes, int count)
    {
        this.phone = phone;
        this.firstName = firstName;
        this.lastName = lastName;
        this.timeZone = timeZone;
        this.attributes = attributes;
        this.count = count;
    }

    /// <exception cref="ContactImportException">No header, no phone column, or a name used twice.</exception>
    public static CsvColumns FromHeader(IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            throw new ContactImportException("The body is empty", "Send a header row (phone, first_name, last_name, timezone, ...) and one row per contact.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int phone = -1, firstName = -1, lastName = -1, timeZone = -1;
        var attributes = new List<(int, JsonEncodedText)>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                throw new ContactImportException("Duplicate column", $"The header names column '{name}' more than once; give each column one name.");
            }

            switch (name.ToLowerInvariant())
            {
                case "phone": phone = i; break;
                case "first_name": firstName = i; break;
                case "last_name": lastName = i; break;
                case "timezone" or "time_zone": timeZone = i; break;
                default: attributes.Add((i, JsonEncodedText.Encode(name))); break;
            }
        }

        if (phone < 0)
        {
            throw new ContactImportException("Missing phone column",
                $"The header has no 'phone' column (found: {string.Join(", ", header)}). Name the column of numbers 'phone'.");
        }

        return new CsvColumns(phone, firstName, lastName, timeZone, attributes.ToArray(), header.Count);
    }

    public ContactInput Read(CsvReader reader, ContactAttributesWriter attributeWriter)
    {
        var row = reader.RowNumber;
        var phoneText = ContactFields.Tidy(reader.GetString(phone));
        if (reader.FieldCount != count)
        {
            return ContactInput.Rejected(row, ContactFields.ForDisplay(phoneText),
                $"expected {count} columns as in the header, found {reader.FieldCount}");
        }

        var first = Optional(reader, firstName);
        var last = Optional(reader, lastName);
        var zone = Optional(reader, timeZone);
        if (ContactFields.Problem(phoneText, first, last, zone) is { } problem)
        {
            return ContactInput.Rejected(row, ContactFields.ForDisplay(phoneText), problem);
        }

        attributeWriter.Start();
        foreach (var (index, name) in attributes)
        {
            var value = reader.GetSpan(index).Trim(" \t"u8);
            if (!value.IsEmpty && attributeWriter.TryAddString(name, value) is { } attributeProblem)
            {
                return ContactInput.Rejected(row, phoneText, attributeProblem);
            }
        }

        return new ContactInput(row, phoneText, first, last, zone, attributeWriter.Finish());
    }

    private static string? Optional(CsvReader reader, int index) => index < 0 ? null : ContactFields.Tidy(reader.GetString(index));
}
