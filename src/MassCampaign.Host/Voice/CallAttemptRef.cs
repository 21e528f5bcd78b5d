using System.Globalization;

namespace MassCampaign.Host.Voice;

/// <summary>The client-ref the host put in a call's webhook URLs: "{recipientId}-{attempt}".</summary>
public readonly record struct CallAttemptRef(long RecipientId, int Attempt)
{
    public string Text => $"{RecipientId}-{Attempt}";

    public static bool TryParse(string? text, out CallAttemptRef attempt)
    {
        attempt = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var recipient)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        attempt = new CallAttemptRef(recipient, number);
        return true;
    }
}
