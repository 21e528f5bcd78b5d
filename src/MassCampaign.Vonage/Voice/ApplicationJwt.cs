using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Voice;

/// <summary>
/// The application JWT the Voice API takes (VONAGE.md §6.1): RS256 over application_id, iat, jti and exp, signed with
/// the application's private key. One token serves many calls; it is renewed a while before it expires, so a call
/// never leaves with a token about to lapse in flight.
/// </summary>
public sealed class ApplicationJwt : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly string _applicationId;
    private readonly RSA _key;
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset RenewAt)? _current;

    public ApplicationJwt(string applicationId, string privateKeyPem, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        _applicationId = applicationId;
        _time = time;
        _key = RSA.Create();
        _key.ImportFromPem(privateKeyPem);
        _credentials = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The current token, a fresh one when the last is within two minutes of expiring.</summary>
    public string Current()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_current is not { } current || now >= current.RenewAt)
            {
                current = (Create(now), now + Lifetime - RenewBefore);
                _current = current;
            }

            return current.Token;
        }
    }

    public void Dispose() => _key.Dispose();

    private string Create(DateTimeOffset now) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim("application_id", _applicationId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ]),
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
}
