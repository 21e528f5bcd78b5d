using System.Diagnostics.CodeAnalysis;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Voice;

/// <summary>
/// The text a call speaks: SMS template syntax, optionally SSML inside <c>&lt;speak&gt;</c>. In SSML the recipient's
/// values are XML-escaped, so a name such as "Smith &amp; Sons" cannot break the markup Vonage reads.
/// </summary>
public sealed class VoiceScript
{
    /// <summary>The most characters Vonage speaks in one talk action (VONAGE.md §6.6), and the most a script may be written with.</summary>
    public const int MaxLength = 1500;

    private readonly SmsTemplate _template;

    private VoiceScript(SmsTemplate template)
    {
        _template = template;
        IsSsml = StartsWithSpeak(template.Text.AsSpan().TrimStart());
    }

    /// <summary>The script as written.</summary>
    public string Text => _template.Text;

    /// <summary>True when the script is SSML: it starts, after white space, with a <c>&lt;speak&gt;</c> element.</summary>
    public bool IsSsml { get; }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out VoiceScript? script,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);

        script = null;
        if (text.Length > MaxLength)
        {
            error = $"The voice script is {text.Length} characters long; shorten it to at most {MaxLength}.";
            return false;
        }

        if (!SmsTemplate.TryParse(text, out var template, out error))
        {
            return false;
        }

        script = new VoiceScript(template);
        return true;
    }

    /// <summary>The text to speak to one recipient; a missing or blank value renders as the placeholder's default, or as nothing.</summary>
    public string Render(TemplateValues values) =>
        IsSsml ? _template.Render(values, EscapeXml) : _template.Render(values);

    /// <summary>
    /// Renders as <see cref="Render"/> does and checks the result fits one talk action; <paramref name="text"/> is the
    /// rendered text either way.
    /// </summary>
    public bool TryRender(TemplateValues values, out string text, [NotNullWhen(false)] out string? error)
    {
        text = Render(values);
        error = text.Length > MaxLength
            ? $"The voice script renders to {text.Length} characters for this recipient; Vonage speaks at most {MaxLength}, " +
              "so shorten the script or the values it speaks."
            : null;
        return error is null;
    }

    public override string ToString() => Text;

    // The five characters XML gives meaning to; everything else in a value is text to speak.
    private static string EscapeXml(string value) =>
        value.AsSpan().IndexOfAny("&<>\"'") < 0
            ? value
            : value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&apos;");

    // "<speak>" or "<speak xmlns=…>", but not a longer tag name such as "<speaker>".
    private static bool StartsWithSpeak(ReadOnlySpan<char> text) =>
        text.StartsWith("<speak", StringComparison.Ordinal)
        && text.Length > "<speak".Length
        && text["<speak".Length] is '>' or '/' or ' ' or '\t' or '\r' or '\n';
}
