namespace MassCampaign.Vonage.Webhooks;

/// <summary>The signature methods a Vonage API key can be set to (VONAGE.md §4.1).</summary>
public enum VonageSignatureMethod
{
    /// <summary>MD5 of the base string followed by the secret; Vonage's default.</summary>
    Md5Hash,

    /// <summary>HMAC-MD5.</summary>
    Md5,

    /// <summary>HMAC-SHA1.</summary>
    Sha1,

    /// <summary>HMAC-SHA256.</summary>
    Sha256,

    /// <summary>HMAC-SHA512.</summary>
    Sha512,
}
