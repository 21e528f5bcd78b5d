using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Security;

/// <summary>Checks the x-functions-key header or the code query parameter against the configured keys.</summary>
public sealed class ApiKeyValidator(IOptions<ApiKeyOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[][] _keys = KeysOf(options.Value);

    private readonly byte[][] _fingerprints = KeysOf(options.Value).Select(key => Encoding.UTF8.GetBytes(Fingerprint(key))).ToArray();

    public bool HasValidHeaderKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var header) && IsValid(header.ToString());

    public bool HasValidQueryKey(HttpContext context) =>
        context.Request.Query.TryGetValue(QueryName, out var code) && IsValid(code.ToString());

    /// <summary>
    /// What a console session remembers of the key it was opened with: a hash, never the key, so a session can be
    /// refused once its key is no longer configured.
    /// </summary>
    public static string FingerprintOf(string key) => Fingerprint(Encoding.UTF8.GetBytes(key));

    public bool IsCurrentFingerprint(string? fingerprint) => MatchesAny(fingerprint, _fingerprints);

    public bool IsValid(string? candidate) => MatchesAny(candidate, _keys);

    private static bool MatchesAny(string? candidate, byte[][] accepted)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(candidate);
        var match = false;
        foreach (var key in accepted)
        {
            // Constant time per key so a caller cannot probe a key byte by byte.
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }

    private static byte[][] KeysOf(ApiKeyOptions options) =>
        options.Keys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => Encoding.UTF8.GetBytes(key)).ToArray();

    private static string Fingerprint(byte[] key) => Convert.ToBase64String(SHA256.HashData(key));
}
