using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Builds the attributes JSON object of one row at a time, reusing one buffer; not thread-safe (one per reader).
/// Values are checked against what PostgreSQL and the limits accept before they are written.
/// </summary>
internal sealed class ContactAttributesWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter json;
    private int count;

    public ContactAttributesWriter() => json = new Utf8JsonWriter(buffer);

    public void Start()
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        count = 0;
    }

    /// <returns>Why the value cannot be stored, or null once it is written.</returns>
    public string? TryAddString(JsonEncodedText name, ReadOnlySpan<byte> utf8Value)
    {
        if (Problem(name.Value, utf8Value.Length, utf8Value.Contains((byte)0)) is { } problem)
        {
            return problem;
        }

        try
        {
            json.WriteString(name, utf8Value);
        }
        catch (ArgumentException)
        {
            return $"attribute '{name.Value}' is not valid UTF-8 text";
        }

        count++;
        return null;
    }

    /// <inheritdoc cref="TryAddString(JsonEncodedText, ReadOnlySpan{byte})"/>
    public string? TryAddString(string name, string value)
    {
        if (Problem(name, Encoding.UTF8.GetByteCount(value), value.Contains('\0')) is { } problem)
        {
            return problem;
        }

        json.WriteString(name, value);
        count++;
        return null;
    }

    /// <summary>Writes a JSON number, true, false or null as it is.</summary>
    public string? TryAddLiteral(string name, JsonElement value)
    {
        if (Problem(name, JsonMarshal.GetRawUtf8Value(value).Length, false) is { } problem)
        {
            return problem;
        }

        json.WritePropertyName(name);
        value.WriteTo(json);
        count++;
        return null;
    }

    /// <returns>The object, or null when no attribute was added.</returns>
    public string? Finish()
    {
        json.WriteEndObject();
        json.Flush();
        return count == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // PostgreSQL text and jsonb cannot hold NUL, so a NUL would fail the whole import rather than this row.
    private static string? Problem(string name, int valueBytes, bool hasNul) =>
        name.Contains('\0') || hasNul ? $"attribute '{name.Replace("\0", "")}' contains a NUL character"
        : valueBytes > ContactImportLimits.MaxAttributeValueBytes
            ? $"attribute '{name}' is longer than {ContactImportLimits.MaxAttributeValueBytes} bytes"
        : null;
}
