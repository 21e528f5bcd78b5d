using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>The Voice API takes an RS256 application JWT only (VONAGE.md §6.1); anything else is 401 and creates nothing.</summary>
public sealed class VoiceCallAuthTests : IAsyncLifetime
{
    private VoiceTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await VoiceTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_call_with_a_valid_application_jwt_is_created()
    {
        using var response = await _bed.SendAsync(HttpMethod.Post, "v1/calls", _bed.CallBody("447700900010"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var call = body.RootElement;
        Assert.True(Guid.TryParse(call.GetProperty("uuid").GetString(), out _));
        Assert.Equal("started", call.GetProperty("status").GetString());
        Assert.Equal("outbound", call.GetProperty("direction").GetString());
        Assert.StartsWith("CON-", call.GetProperty("conversation_uuid").GetString());
        Assert.Equal(1, _bed.Simulator.GetStats().CallsCreated);
    }

    [Fact]
    public async Task A_call_without_a_bearer_token_is_refused_and_not_created()
    {
        using var response = await _bed.Http.PostAsJsonAsync("v1/calls", _bed.CallBody("447700900011"));

        await AssertUnauthorizedAsync(response, "Bearer");
    }

    [Theory]
    [InlineData("signed with another key", "signature")]
    [InlineData("for another application", "application_id")]
    [InlineData("expired", "expired")]
    [InlineData("without jti", "jti")]
    [InlineData("without iat", "iat")]
    [InlineData("signed HS256", "")]
    public async Task A_spoilt_jwt_is_refused_saying_why(string spoilt, string reasonMentions)
    {
        using var otherKey = RSA.Create(2048);
        var jwt = spoilt switch
        {
            "signed with another key" => _bed.Jwt(signWith: otherKey),
            "for another application" => _bed.Jwt(d => Replace(d, "application_id", "someone-else")),
            "expired" => _bed.Jwt(d => (d.IssuedAt, d.Expires) = (TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-20), TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5))),
            "without jti" => _bed.Jwt(d => Replace(d, "jti", null)),
            "without iat" => _bed.Jwt(d => d.IssuedAt = null),
            _ => _bed.Jwt(d => d.SigningCredentials = new(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256)),
        };

        using var response = await _bed.SendAsync(HttpMethod.Post, "v1/calls", _bed.CallBody("447700900012"), jwt);

        await AssertUnauthorizedAsync(response, reasonMentions);
    }

    [Fact]
    public async Task Reading_and_hanging_up_calls_need_the_jwt_too()
    {
        var uuid = await _bed.CreateCallAsync("447700900013");

        using var read = await _bed.Http.GetAsync($"v1/calls/{uuid}");
        using var hangUp = await _bed.Http.PutAsJsonAsync($"v1/calls/{uuid}", new { action = "hangup" });

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hangUp.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_every_call_is_refused_saying_what_is_missing()
    {
        await using var bed = await VoiceTestBed.StartAsync(withKey: false);

        using var response = await bed.SendAsync(HttpMethod.Post, "v1/calls", bed.CallBody("447700900014"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("VoicePrivateKeyPath", problem!["detail"]!.GetValue<string>());
        Assert.Equal(0, bed.Simulator.GetStats().CallsCreated);
    }

    [Fact]
    public async Task Without_a_configured_application_id_any_application_is_taken()
    {
        await using var bed = await VoiceTestBed.StartAsync(o => o.VoiceApplicationId = null);
        var jwt = bed.Jwt(d => Replace(d, "application_id", "another-app"));

        using var response = await bed.SendAsync(HttpMethod.Post, "v1/calls", bed.CallBody("447700900015"), jwt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response, string reasonMentions)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("#unauthorized", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(reasonMentions, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, _bed.Simulator.GetStats().CallsCreated);
        Assert.Empty(_bed.Host.Received);
    }

    private static void Replace(SecurityTokenDescriptor token, string claim, string? value)
    {
        token.Subject.RemoveClaim(token.Subject.FindFirst(claim));
        if (value is not null)
        {
            token.Subject.AddClaim(new Claim(claim, value));
        }
    }
}
