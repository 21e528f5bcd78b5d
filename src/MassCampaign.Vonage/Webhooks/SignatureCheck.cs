namespace MassCampaign.Vonage.Webhooks;

/// <summary>Why a signed webhook was accepted or rejected.</summary>
public enum SignatureCheck
{
    Valid,
    MissingSignature,

    /// <summary>No <c>timestamp</c>, or one that is not Unix seconds: freshness cannot be judged.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is further from now than the tolerance: a replay or a badly skewed clock.</summary>
    StaleTimestamp,
    Mismatch,
}
