using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MassCampaign.Vonage.Webhooks;

/// <summary>
/// Signs and verifies SMS API parameters the documented way (VONAGE.md §4.1): drop <c>sig</c>, sort keys
/// ordinally, replace '&amp;' and '=' with '_' in keys and values, join as <c>&amp;k=v</c> with a leading
/// '&amp;', then MD5(base + secret) in lowercase hex or HMAC(secret, base) in uppercase hex.
/// </summary>
public sealed class VonageSignature
{
    public const string SignatureField = "sig";
    public const string TimestampField = "timestamp";

    // 9999-12-31T23:59:59Z; anything later is not a time and would overflow the skew arithmetic.
    private const long LatestUnixSeconds = 253_402_300_799;

    private readonly string _secret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public VonageSignature(string secret, VonageSignatureMethod method, TimeProvider time, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        _secret = secret;
        Method = method;
        _time = time;
        _tolerance = tolerance;
    }

    public VonageSignatureMethod Method { get; }

    /// <returns>A signer for the account, or null when no signature secret is configured.</returns>
    public static VonageSignature? FromOptions(VonageOptions options, TimeProvider time) =>
        string.IsNullOrEmpty(options.SignatureSecret)
            ? null
            : new VonageSignature(options.SignatureSecret, options.SignatureMethod, time, options.SignatureTolerance);

    public static string BuildBaseString(IReadOnlyDictionary<string, string> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters.Where(p => p.Key != SignatureField).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('&').Append(Sanitise(key)).Append('=').Append(Sanitise(value));
        }

        return builder.ToString();
    }

    public static string Compute(IReadOnlyDictionary<string, string> parameters, string secret, VonageSignatureMethod method)
    {
        var baseString = BuildBaseString(parameters);
        if (method == VonageSignatureMethod.Md5Hash)
        {
            return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(baseString + secret)));
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var message = Encoding.UTF8.GetBytes(baseString);
        var mac = method switch
        {
            VonageSignatureMethod.Md5 => HMACMD5.HashData(key, message),
            VonageSignatureMethod.Sha1 => HMACSHA1.HashData(key, message),
            VonageSignatureMethod.Sha256 => HMACSHA256.HashData(key, message),
            VonageSignatureMethod.Sha512 => HMACSHA512.HashData(key, message),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown signature method."),
        };
        return Convert.ToHexString(mac);
    }

    /// <summary>Returns the parameters plus <c>timestamp</c> (now, unless given) and <c>sig</c>.</summary>
    public IReadOnlyDictionary<string, string> Sign(IReadOnlyDictionary<string, string> parameters)
    {
        var signed = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        signed.Remove(SignatureField);
        signed.TryAdd(TimestampField, _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        signed[SignatureField] = Compute(signed, _secret, Method);
        return signed;
    }

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue(SignatureField, out var received) || received.Length == 0)
        {
            return SignatureCheck.MissingSignature;
        }

        if (!parameters.TryGetValue(TimestampField, out var timestampText)
            || !long.TryParse(timestampText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds is < 0 or > LatestUnixSeconds)
        {
            return SignatureCheck.InvalidTimestamp;
        }

        var skew = TimeSpan.FromSeconds(_time.GetUtcNow().ToUnixTimeSeconds() - unixSeconds);
        if (skew.Duration() > _tolerance)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var expected = Compute(parameters, _secret, Method);
        return EqualsIgnoringHexCase(expected, received) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    // SDKs disagree on hex case (VONAGE.md §8 #4), so both sides are upper-cased before the constant-time compare.
    private static bool EqualsIgnoringHexCase(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToUpperInvariant()),
            Encoding.ASCII.GetBytes(received.ToUpperInvariant()));

    private static string Sanitise(string text) =>
        text.AsSpan().IndexOfAny('&', '=') < 0 ? text : text.Replace('&', '_').Replace('=', '_');
}
