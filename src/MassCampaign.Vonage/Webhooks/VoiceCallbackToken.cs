using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Webhooks;

/// <summary>
/// The signed-callback JWT of Voice webhooks (VONAGE.md §4.2): HS256 with the signature secret as ASCII key, claims
/// iat, jti, iss "Vonage", payload_hash (SHA-256 hex of the raw body, or of the query as compact JSON for a GET) and
/// api_key. Checked by hand rather than with JsonWebTokenHandler: Vonage secrets may be shorter than the 256-bit key
/// floor the library enforces for HS256, and such a callback is still genuine.
/// </summary>
public sealed class VoiceCallbackToken(string secret, TimeProvider time, TimeSpan tolerance)
{
    private readonly byte[] _key = Encoding.ASCII.GetBytes(secret);

    /// <summary>Signs a callback as Vonage does; the Simulator and tests use it.</summary>
    public string Sign(ReadOnlySpan<byte> payload, string apiKey, string? applicationId)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""");
        var claims = new Dictionary<string, object?>
        {
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = "Vonage",
            ["payload_hash"] = PayloadHash(payload),
            ["api_key"] = apiKey,
        };
        if (applicationId is not null)
        {
            claims["application_id"] = applicationId;
        }

        var body = Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));
        return $"{header}.{body}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{header}.{body}")))}";
    }

    /// <param name="authorization">The Authorization header as received: "Bearer &lt;jwt&gt;".</param>
    /// <param name="payload">The raw body, or for a GET the query as compact JSON (<see cref="QueryPayload"/>).</param>
    /// <returns>Null when the callback is genuine, else why it is refused.</returns>
    public string? WhyRejected(string? authorization, ReadOnlySpan<byte> payload)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return "no signed-callback token (Authorization: Bearer)";
        }

        var parts = authorization[bearer.Length..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return "the token is not a JWT";
        }

        try
        {
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64UrlEncoder.DecodeBytes(parts[2]))
                || !IsHs256(Base64UrlEncoder.DecodeBytes(parts[0])))
            {
                return "the token's signature does not match the signature secret";
            }

            using var claims = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            return WhyClaimsRejected(claims.RootElement, payload);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return "the token cannot be read";
        }
    }

    /// <summary>A GET callback's query as the JSON object Vonage hashes: parameters in order, no whitespace.</summary>
    public static byte[] QueryPayload(IEnumerable<KeyValuePair<string, string?>> query) =>
        JsonSerializer.SerializeToUtf8Bytes(query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    private string? WhyClaimsRejected(JsonElement claims, ReadOnlySpan<byte> payload)
    {
        if (claims.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var issued)
            && (DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(issued, 0, 253_402_300_799)) - time.GetUtcNow()).Duration() > tolerance)
        {
            return "the token was issued too far from now";
        }

        if (claims.TryGetProperty("payload_hash", out var hash)
            && !string.Equals(hash.GetString(), PayloadHash(payload), StringComparison.OrdinalIgnoreCase))
        {
            return "the payload does not match the token's payload_hash";
        }

        return null;
    }

    private static bool IsHs256(byte[] header)
    {
        using var json = JsonDocument.Parse(header);
        return json.RootElement.TryGetProperty("alg", out var alg) && alg.GetString() == "HS256";
    }

    private static string PayloadHash(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));
}
