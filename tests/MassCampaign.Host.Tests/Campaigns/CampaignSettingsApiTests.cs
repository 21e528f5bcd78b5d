using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Campaigns;

/// <summary>A campaign's settings object through POST, PUT and GET /api/campaigns: validated members, defaults, free-form rest.</summary>
public sealed class CampaignSettingsApiTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Settings_round_trip_with_every_default_filled_in_and_other_members_kept()
    {
        var id = await CreateAsync("""
            {"retry": {"maxAttempts": 3}, "unknownPolicy": "leave", "unknownResolveAfter": 3600,
             "voice": {"maxConcurrentCalls": 10}, "hybrid": {"mode": "smsFirst"}, "note": "kept"}
            """);

        var settings = (await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("settings");

        Assert.Equal(
            """
            {"retry":{"maxAttempts":3,"afterMinutes":30},"unknownPolicy":"leave","unknownResolveAfter":"PT1H","voice":{"maxConcurrentCalls":10,"ringingTimeoutSeconds":30,"machineDetection":"leaveMessage","optOutDigit":"9","confirmDigit":"1","retry":{"noAnswer":{"maxAttempts":1,"afterMinutes":30},"busy":{"maxAttempts":1,"afterMinutes":30},"failed":{"maxAttempts":1,"afterMinutes":30}},"maxAttemptsPer24h":3},"hybrid":{"mode":"smsFirst"},"note":"kept"}
            """,
            JsonSerializer.Serialize(settings));
    }

    [Fact]
    public async Task A_campaign_without_settings_reads_back_the_defaults()
    {
        var id = await CreateAsync(null);

        var settings = (await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("settings");

        Assert.Equal(
            """{"retry":{"maxAttempts":1,"afterMinutes":30},"unknownPolicy":"resend","unknownResolveAfter":"PT15M"}""",
            JsonSerializer.Serialize(settings));
    }

    [Theory]
    [InlineData("""{"retry": {"maxAttempts": 11}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"afterMinutes": 0}}""", "settings.retry.afterMinutes")]
    [InlineData("""{"retry": {"count": 3}}""", "settings.retry.count")]
    [InlineData("""{"retry": true}""", "settings.retry")]
    [InlineData("""{"unknownPolicy": "ignore"}""", "settings.unknownPolicy")]
    [InlineData("""{"unknownResolveAfter": "P8D"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "soon"}""", "settings.unknownResolveAfter")]
    [InlineData("""[{"retry": 1}]""", "settings")]
    [InlineData("""{"note": "a\u0000b"}""", "settings.note")]
    [InlineData("""{"voice": {"maxConcurrentCalls": 0}}""", "settings.voice.maxConcurrentCalls")]
    [InlineData("""{"voice": {"optOutDigit": "1"}}""", "settings.voice.optOutDigit")]
    [InlineData("""{"hybrid": {"mode": "both"}}""", "settings.hybrid.mode")]
    public async Task Invalid_settings_are_a_validation_problem_naming_the_member(string settings, string field)
    {
        using var response = await Host.Client.PostAsync("/api/campaigns", Body(settings));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestCampaigns.ProblemAsync(response)).GetProperty("errors");
        var message = Assert.Single(Assert.Single(errors.EnumerateObject(), e => e.Name == field).Value.EnumerateArray());
        Assert.Matches("(?i)use|wait|remove", message.GetString()!);
    }

    [Fact]
    public async Task Replacing_a_draft_with_invalid_settings_is_refused_and_keeps_the_old_ones()
    {
        var id = await CreateAsync("""{"retry": {"maxAttempts": 2}}""");

        using var response = await Host.Client.PutAsync($"/api/campaigns/{id}", Body("""{"retry": {"maxAttempts": 0}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal(2, stored.GetProperty("settings").GetProperty("retry").GetProperty("maxAttempts").GetInt32());
    }

    private async Task<Guid> CreateAsync(string? settings)
    {
        using var response = await Host.Client.PostAsync("/api/campaigns", Body(settings));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid SMS campaign whose settings member is the raw JSON given, or absent for null.</summary>
    private static StringContent Body(string? settings)
    {
        var request = TestCampaigns.SmsBody();
        request.Remove("settings");
        var json = JsonSerializer.Serialize(request);
        if (settings is not null)
        {
            json = json[..^1] + ",\"settings\":" + settings + "}";
        }

        return new StringContent(json, Encoding.UTF8, "application/json");
    }
}
