using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Vonage;

/// <summary>One Vonage account: credentials, where to send, and how hard to push it (VONAGE.md §1, §1.6, §4.1).</summary>
public sealed class VonageOptions
{
    public const string SectionName = "Vonage";

    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";

    /// <summary>The dashboard's signature secret, separate from the API secret; empty when webhooks are not signed.</summary>
    public string? SignatureSecret { get; set; }

    public VonageSignatureMethod SignatureMethod { get; set; } = VonageSignatureMethod.Md5Hash;

    /// <summary>Real Vonage is https://rest.nexmo.com; tests and demos point this at the Simulator.</summary>
    public Uri BaseUrl { get; set; } = new("https://rest.nexmo.com");

    /// <summary>Vonage's default is 30 API requests per second per key; parts of a long SMS do not count.</summary>
    public int SmsRequestsPerSecond { get; set; } = 30;

    /// <summary>Tokens the bucket may hold; null means one replenishment's worth, which keeps the flow smooth.</summary>
    public int? SmsBurst { get; set; }

    /// <summary>How long one HTTP attempt may take; past it the SMS may or may not have been taken (Ambiguous).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per send, counting the first, for answers that certainly did not take the SMS.</summary>
    public int SmsMaxAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>A throttling hint longer than this is handed back to the caller instead of being waited out.</summary>
    public TimeSpan MaxThrottleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far a signed webhook's timestamp may be from now (the Java SDK's 5 minutes).</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Vonage application that owns the voice number; with <see cref="PrivateKeyPath"/> it signs the Voice API's JWT.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's private key (PEM file). Voice campaigns cannot start without it.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Real Vonage is https://api.nexmo.com; tests and demos point this at the Simulator.</summary>
    public Uri VoiceBaseUrl { get; set; } = new("https://api.nexmo.com");

    /// <summary>Call creations per second for this process when no cluster gate is registered (Vonage: 3).</summary>
    public int VoiceCallsPerSecond { get; set; } = 3;

    /// <summary>Attempts per call creation, counting the first, for answers that certainly created nothing.</summary>
    public int VoiceMaxAttempts { get; set; } = 3;

    /// <summary>A call is hung up this long after it is answered (Vonage's length_timer); it bounds a call's life.</summary>
    public int VoiceLengthTimerSeconds { get; set; } = 600;

    /// <summary>Whether the Voice API can be called: an application id and a private key file are configured.</summary>
    public bool HasVoiceCredentials => !string.IsNullOrWhiteSpace(ApplicationId) && !string.IsNullOrWhiteSpace(PrivateKeyPath);

    public int MaxConnectionsPerServer { get; set; } = 512;

    /// <summary>Recycles pooled connections so a DNS change at Vonage is picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
