namespace MassCampaign.Data.Voice;

/// <summary>A call still in progress past its deadline: its uuid (null when its creation went unanswered), the number and when the dial was recorded.</summary>
public sealed record OverdueCall(string ClientRef, string? CallUuid, string ToPhone, DateTimeOffset RecordedAt);
