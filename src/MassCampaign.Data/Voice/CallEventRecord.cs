namespace MassCampaign.Data.Voice;

/// <summary>One event Vonage posted about a call attempt (a status, or 'input' with the digits pressed), as stored.</summary>
public sealed record CallEventRecord(string ClientRef, string CallUuid, string Status, string? Detail, string? Digits, string PayloadJson);
