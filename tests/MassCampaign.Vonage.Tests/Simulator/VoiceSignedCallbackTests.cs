using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// With a signature secret, every voice callback carries an HS256 JWT (VONAGE.md §4.2) that verifies with the secret
/// and whose payload_hash is the SHA-256 of the raw body, or for a GET of the query as a JSON object in order.
/// </summary>
public sealed class VoiceSignedCallbackTests
{
    // At least 256 bits, so Microsoft.IdentityModel will verify with it.
    private const string Secret = "voice-signature-secret-0123456789abcdef";

    [Fact]
    public async Task Events_the_answer_fetch_and_the_input_post_all_carry_a_jwt_that_verifies()
    {
        await using var bed = await VoiceTestBed.StartAsync(o => o.SignatureSecret = Secret);
        bed.Simulator.Configure(new() { Voice = new() { DtmfByNumber = new Dictionary<string, string> { ["447700900060"] = "1" } } });
        var body = bed.CallBody("447700900060");
        body["answer_url"] = new JsonArray(bed.Host.Url("answer?code=dev-key").AbsoluteUri);

        var uuid = await bed.CreateCallAsync(body);
        await bed.Host.EventsUntilAsync(uuid, "completed");

        var callbacks = bed.Host.Received;
        Assert.Equal(["/answer", "/event", "/input"], callbacks.Select(c => c.Path).Distinct().Order());
        foreach (var callback in callbacks)
        {
            var claims = await VerifiedClaimsAsync(callback, Encoding.UTF8.GetBytes(Secret));
            Assert.Equal(ExpectedPayloadHash(callback), claims["payload_hash"]);
            Assert.Equal(bed.Simulator.ApiKey, claims["api_key"]);
            Assert.Equal(VoiceTestBed.ApplicationId, claims["application_id"]);
            Assert.True(claims.ContainsKey("jti") && claims.ContainsKey("iat"));
        }

        var answer = Assert.Single(callbacks, c => c.Path == "/answer");
        Assert.Equal(["code", "to", "from", "uuid", "conversation_uuid"], answer.Query.Select(q => q.Key));
    }

    [Fact]
    public async Task A_secret_shorter_than_256_bits_still_signs_hs256()
    {
        const string shortSecret = "short-secret";
        await using var bed = await VoiceTestBed.StartAsync(o => o.SignatureSecret = shortSecret);

        var uuid = await bed.CreateCallAsync("447700900061");
        var started = (await bed.Host.EventsUntilAsync(uuid, "completed"))[0];

        var parts = started.Authorization["Bearer ".Length..].Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(shortSecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(Base64UrlEncoder.Encode(expected), parts[2]);
        Assert.Equal("HS256", new JsonWebToken(parts[0] + "." + parts[1] + "." + parts[2]).Alg);
        Assert.Equal(ExpectedPayloadHash(started), new JsonWebToken(string.Join('.', parts)).GetClaim("payload_hash").Value);
    }

    [Fact]
    public async Task Without_a_secret_callbacks_are_unsigned()
    {
        await using var bed = await VoiceTestBed.StartAsync();

        var uuid = await bed.CreateCallAsync("447700900062");
        await bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.All(bed.Host.Received, c => Assert.Equal("", c.Authorization));
    }

    private static async Task<IDictionary<string, object>> VerifiedClaimsAsync(VoiceCallback callback, byte[] secret)
    {
        Assert.StartsWith("Bearer ", callback.Authorization);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(callback.Authorization["Bearer ".Length..], new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(secret),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = "Vonage",
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, $"{callback.Method} {callback.Path}: {result.Exception?.Message}");
        return result.Claims;
    }

    // Vonage's rule (VONAGE.md §4.2): the raw body for a POST; for a GET, the query parameters as a JSON object in
    // their order, with no whitespace.
    private static string ExpectedPayloadHash(VoiceCallback callback)
    {
        var payload = callback.Method == "GET"
            ? Encoding.UTF8.GetBytes(new JsonObject(callback.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))).ToJsonString())
            : callback.Body;
        return Convert.ToHexStringLower(SHA256.HashData(payload));
    }
}
