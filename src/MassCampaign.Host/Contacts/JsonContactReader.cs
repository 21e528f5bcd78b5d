using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Reads a JSON array of contact objects while it arrives, one element at a time:
/// <c>{phone, first_name, last_name, timezone, attributes: {...}}</c>; any other property is an attribute too.
/// Names also match in camelCase and ignoring case. Attribute values are strings, numbers or booleans.
/// </summary>
public static class JsonContactReader
{
    // The deserializer reads a buffer ahead of the element it completes; twice the row limit leaves room for that.
    private const int GuardBytes = 2 * ContactImportLimits.MaxRowBytes;

    public static async IAsyncEnumerable<ContactInput> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var guarded = new RowSizeGuardStream(body, GuardBytes);
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(guarded, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var attributes = new ContactAttributesWriter();
        long row = 0;
        while (await MoveNextAsync(elements, guarded, row + 1))
        {
            row++;
            guarded.RowCompleted();
            yield return Read(elements.Current, row, attributes);
        }
    }

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<JsonElement> elements, RowSizeGuardStream body, long nextRow)
    {
        try
        {
            return await elements.MoveNextAsync();
        }
        catch (JsonException) when (body.TotalBytes == 0)
        {
            throw new ContactImportException("The body is empty", "Send a JSON array of contacts: [{\"phone\": \"+14155550100\"}].");
        }
        catch (JsonException e)
        {
            throw new ContactImportException("The request body is not valid JSON",
                $"Row {nextRow}: {e.Message} Send a JSON array of contact objects.", nextRow);
        }
        catch (RowTooLargeException)
        {
            throw new ContactImportException("Row too large",
                $"Row {nextRow} is larger than {ContactImportLimits.MaxRowBytes} bytes; check for a field that is far too long.", nextRow);
        }
    }

    private static ContactInput Read(JsonElement element, long row, ContactAttributesWriter attributes)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ContactInput.Rejected(row, null, $"row is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        string? phone = null, firstName = null, lastName = null, timeZone = null, problem = null;
        attributes.Start();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (Is(name, "phone"))
            {
                problem ??= Text(value, "phone", allowNumber: true, out phone);
            }
            else if (Is(name, "first_name") || Is(name, "firstName"))
            {
                problem ??= Text(value, "first_name", allowNumber: false, out firstName);
            }
            else if (Is(name, "last_name") || Is(name, "lastName"))
            {
                problem ??= Text(value, "last_name", allowNumber: false, out lastName);
            }
            else if (Is(name, "timezone") || Is(name, "timeZone") || Is(name, "time_zone"))
            {
                problem ??= Text(value, "timezone", allowNumber: false, out timeZone);
            }
            else if (Is(name, "attributes"))
            {
                problem ??= AddAll(value, attributes);
            }
            else
            {
                problem ??= Add(name, value, attributes);
            }
        }

        phone = ContactFields.Tidy(phone);
        firstName = ContactFields.Tidy(firstName);
        lastName = ContactFields.Tidy(lastName);
        timeZone = ContactFields.Tidy(timeZone);
        problem ??= ContactFields.Problem(phone, firstName, lastName, timeZone);
        return problem is null
            ? new ContactInput(row, phone, firstName, lastName, timeZone, attributes.Finish())
            : ContactInput.Rejected(row, ContactFields.ForDisplay(phone), problem);
    }

    private static bool Is(string name, string field) => string.Equals(name, field, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement value, string field, bool allowNumber, out string? text)
    {
        text = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return TryGetString(value, field, out text);
            case JsonValueKind.Number when allowNumber:
                text = value.GetRawText();
                return null;
            default:
                return $"{field} must be a string";
        }
    }

    private static string? AddAll(JsonElement value, ContactAttributesWriter attributes)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return "attributes must be a JSON object";
        }

        foreach (var property in value.EnumerateObject())
        {
            if (Add(property.Name, property.Value, attributes) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Add(string name, JsonElement value, ContactAttributesWriter attributes) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => TryGetString(value, $"attribute '{name}'", out var text) ?? attributes.TryAddString(name, text!),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => attributes.TryAddLiteral(name, value),
        _ => $"attribute '{name}' must be a string, number or boolean",
    };

    private static string? TryGetString(JsonElement value, string field, out string? text)
    {
        try
        {
            text = value.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            // Escapes that decode to broken UTF-16 (a lone surrogate) cannot be stored as text.
            text = null;
            return $"{field} is not valid Unicode text";
        }
    }
}
