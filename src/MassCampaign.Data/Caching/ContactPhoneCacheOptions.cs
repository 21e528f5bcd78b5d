namespace MassCampaign.Data.Caching;

/// <summary>Where the phone → contact cache keeps its answers and how long they are trusted.</summary>
public sealed record ContactPhoneCacheOptions
{
    public const string Section = "massCampaign:contactCache";

    /// <summary>Keys are the prefix and the E.164 number; a deployment sharing one Redis between tenants gives each its own.</summary>
    public string KeyPrefix { get; init; } = "contact:phone:";

    /// <summary>Contact ids never change for a number, so a hit can live long.</summary>
    public TimeSpan KnownTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Short: the number may be imported as a contact at any time.</summary>
    public TimeSpan UnknownTtl { get; init; } = TimeSpan.FromSeconds(30);
}
