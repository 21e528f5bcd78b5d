using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The bearer token of a signed voice callback (VONAGE.md §4.2): HS256 keyed with the signature secret, claims
/// <c>iat</c>, <c>jti</c>, <c>iss</c> "Vonage", <c>payload_hash</c> (SHA-256 hex of what was sent), <c>api_key</c> and
/// <c>application_id</c>. Built by hand because Microsoft.IdentityModel refuses HMAC keys under 256 bits, and a
/// signature secret may be shorter.
/// </summary>
internal static class CallbackJwt
{
    private static readonly string Header = Encode("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Create(string secret, byte[] payload, string apiKey, string? applicationId, DateTimeOffset now)
    {
        var claims = new JsonObject
        {
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = "Vonage",
            ["payload_hash"] = Convert.ToHexStringLower(SHA256.HashData(payload)),
            ["api_key"] = apiKey,
        };
        if (applicationId is not null)
        {
            claims["application_id"] = applicationId;
        }

        var signed = Header + "." + Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signed + "." + Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signed)));
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
