using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Voice;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MassCampaign.Vonage.Tests.Voice;

public sealed class ApplicationJwtTests : IDisposable
{
    private readonly TestApplicationKey _key = new();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void One_token_is_reused_until_two_minutes_before_it_expires_then_renewed()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2026-12-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var jwt = new ApplicationJwt(_key.ApplicationId, File.ReadAllText(_key.PrivateKeyPath), time);

        var first = jwt.Current();
        time.Advance(TimeSpan.FromMinutes(12));
        var stillFirst = jwt.Current();
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = jwt.Current();

        Assert.Equal(first, stillFirst);
        Assert.NotEqual(first, renewed);
        var token = new JsonWebToken(renewed);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(_key.ApplicationId, token.GetClaim("application_id").Value);
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), long.Parse(token.GetClaim("iat").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
        Assert.NotEqual(new JsonWebToken(first).Id, token.Id);
    }
}
