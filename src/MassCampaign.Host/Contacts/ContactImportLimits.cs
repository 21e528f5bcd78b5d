namespace MassCampaign.Host.Contacts;

/// <summary>Caps on what one imported row may hold, so a hostile or broken file cannot blow up memory or the database.</summary>
public static class ContactImportLimits
{
    public const int MaxPhoneLength = 64;

    public const int MaxNameLength = 256;

    public const int MaxTimeZoneLength = 64;

    /// <summary>UTF-8 bytes of one attribute value.</summary>
    public const int MaxAttributeValueBytes = 4 * 1024;

    /// <summary>UTF-8 bytes of one row as sent; a larger row fails the whole request, since the rest cannot be trusted.</summary>
    public const int MaxRowBytes = 64 * 1024;
}
