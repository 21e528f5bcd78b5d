namespace MassCampaign.Data.Caching;

/// <summary>A cache answer: <see cref="IsHit"/> with a <see cref="ContactId"/> (null: the number matches no contact).</summary>
public readonly record struct ContactCacheResult(bool IsHit, long? ContactId)
{
    public static ContactCacheResult Miss => default;

    public static ContactCacheResult Hit(long? contactId) => new(true, contactId);
}
