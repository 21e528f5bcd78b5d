namespace MassCampaign.Vonage.Voice;

/// <summary>What a call creation means for the recipient. Only Created and Ambiguous may have started a call.</summary>
public enum CallCreateOutcome
{
    /// <summary>201 with a call uuid: the call is under way and its events follow.</summary>
    Created,

    /// <summary>HTTP 429 even after waiting: not created, try later.</summary>
    Throttled,

    /// <summary>A failure that certainly created nothing (no connection, 500, 503) even after retrying: try later.</summary>
    Transient,

    /// <summary>Refused for this callee or request (400, 404, 422): fail the recipient.</summary>
    Permanent,

    /// <summary>Refused for the whole account (401, 402, 403, low balance): pause the campaign.</summary>
    AccountRefused,

    /// <summary>May have been created (timeout, dropped connection, gateway error, unreadable answer): never dial again blindly.</summary>
    Ambiguous,

    /// <summary>Never left: the preflight said no right before the attempt.</summary>
    NotSent,
}
