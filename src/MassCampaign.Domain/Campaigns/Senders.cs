namespace MassCampaign.Domain.Campaigns;

/// <summary>Recognises a valid campaign sender (<c>from</c>).</summary>
public static class Senders
{
    public const int MaxAlphanumericLength = 11;
    public const int MinNumberDigits = 4;
    public const int MaxNumberDigits = 15;

    /// <returns>The kind of sender, or null when the text is neither a valid sender ID nor a valid number.</returns>
    public static SenderKind? KindOf(string? from)
    {
        if (string.IsNullOrEmpty(from))
        {
            return null;
        }

        var digits = from.StartsWith('+') ? from.AsSpan(1) : from.AsSpan();
        if (digits.Length is >= MinNumberDigits and <= MaxNumberDigits && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return SenderKind.Number;
        }

        if (from.Length <= MaxAlphanumericLength && from.All(IsAlphanumericSenderCharacter) && from.Any(char.IsAsciiLetter))
        {
            return SenderKind.Alphanumeric;
        }

        return null;
    }

    private static bool IsAlphanumericSenderCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == ' ';
}
