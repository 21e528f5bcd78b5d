using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// Checks the application JWT of a Voice API request (VONAGE.md §6.1): RS256, signed by the application's private key
/// (checked with its public half), <c>application_id</c> matching when one is configured, <c>iat</c> and <c>jti</c>
/// present, <c>exp</c> (optional) not passed. Without a usable key every request is refused.
/// </summary>
internal sealed class ApplicationJwtVerifier
{
    private readonly string? _applicationId;
    private readonly TokenValidationParameters? _parameters;
    private readonly string? _whyNoKey;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _time;

    public ApplicationJwtVerifier(string? applicationId, string? privateKeyPath, TimeProvider time)
    {
        _applicationId = string.IsNullOrEmpty(applicationId) ? null : applicationId;
        _time = time;
        if (string.IsNullOrEmpty(privateKeyPath))
        {
            _whyNoKey = "The Simulator has no voice key: set Simulator:VoicePrivateKeyPath to the application's private key PEM.";
            return;
        }

        try
        {
            using var privateKey = RSA.Create();
            privateKey.ImportFromPem(File.ReadAllText(privateKeyPath));
            _parameters = new TokenValidationParameters
            {
                IssuerSigningKey = new RsaSecurityKey(privateKey.ExportParameters(includePrivateParameters: false)),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                // exp and nbf are checked below against the injected clock, with reasons the caller can act on.
                ValidateLifetime = false,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            _whyNoKey = $"The Simulator's voice key '{privateKeyPath}' cannot be used: {e.Message}";
        }
    }

    /// <returns>Null when the request carries a valid application JWT, else what is wrong with it.</returns>
    public async Task<string?> WhyRefusedAsync(HttpRequest request)
    {
        if (_parameters is null)
        {
            return _whyNoKey;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length == "Bearer ".Length)
        {
            return "Missing 'Authorization: Bearer <JWT>': the Voice API takes an application JWT only.";
        }

        var result = await _handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), _parameters);
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
                    "The JWT's signature does not verify with the application's key.",
                SecurityTokenInvalidAlgorithmException => "The JWT must be signed with RS256.",
                _ => "The bearer token is not a valid RS256 JWT.",
            };
        }

        foreach (var claim in new[] { "iat", "jti" })
        {
            if (!result.Claims.ContainsKey(claim))
            {
                return $"The JWT has no '{claim}' claim.";
            }
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var token = (JsonWebToken)result.SecurityToken;
        if (token.TryGetPayloadValue<long>("exp", out var expires) && expires <= now)
        {
            return "The JWT has expired (exp is past).";
        }

        if (token.TryGetPayloadValue<long>("nbf", out var notBefore) && notBefore > now)
        {
            return "The JWT is not valid yet (nbf is in the future).";
        }

        return _applicationId is not null && (!result.Claims.TryGetValue("application_id", out var id) || id?.ToString() != _applicationId)
            ? $"The JWT's application_id is not the Simulator's application '{_applicationId}'."
            : null;
    }
}
