using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Campaigns;

public sealed class CreateCampaignTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Created_campaign_is_a_draft_with_its_location_and_every_field()
    {
        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", TestCampaigns.SmsBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/campaigns/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Spring sale", body.GetProperty("name").GetString());
        Assert.Equal("sms", body.GetProperty("type").GetString());
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Equal("Acme", body.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("voiceScript").ValueKind);
        var window = body.GetProperty("callingWindow");
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri"], window.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("09:00", window.GetProperty("start").GetString());
        Assert.Equal("20:00", window.GetProperty("end").GetString());
        Assert.Equal("America/New_York", window.GetProperty("timeZone").GetString());
        Assert.Equal(3, body.GetProperty("settings").GetProperty("retry").GetProperty("maxAttempts").GetInt32());
        Assert.Equal("test", body.GetProperty("settings").GetProperty("note").GetString());
        Assert.Equal(0, body.GetProperty("recipients").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Times_are_utc_iso_8601_with_z()
    {
        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", TestCampaigns.SmsBody());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        foreach (var field in new[] { "createdAt", "updatedAt" })
        {
            var text = body.GetProperty(field).GetString()!;
            Assert.EndsWith("Z", text);
            Assert.True(DateTimeOffset.TryParse(text, out _), text);
        }
    }

    [Fact]
    public async Task Omitted_window_days_and_hours_take_the_configured_defaults()
    {
        var request = TestCampaigns.SmsBody();
        request["callingWindow"] = new Dictionary<string, object?> { ["timeZone"] = "Europe/London" };

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var window = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callingWindow");
        Assert.Equal(7, window.GetProperty("days").GetArrayLength());
        Assert.Equal("08:00", window.GetProperty("start").GetString());
        Assert.Equal("21:00", window.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Created_campaign_can_be_read_back()
    {
        var id = await TestCampaigns.CreateAsync(Host);

        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");

        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal("Spring sale", body.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("name", null, "name")]
    [InlineData("name", "   ", "name")]
    [InlineData("type", "fax", "type")]
    [InlineData("type", null, "type")]
    [InlineData("smsTemplate", null, "smsTemplate")]
    [InlineData("smsTemplate", "Hi {{first_name", "smsTemplate")]
    [InlineData("from", "not a valid sender!", "from")]
    [InlineData("from", null, "from")]
    public async Task Invalid_field_is_named_in_a_validation_problem(string field, string? value, string reported)
    {
        var request = TestCampaigns.SmsBody();
        request[field] = value;

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, reported);
    }

    [Fact]
    public async Task Voice_campaign_without_a_script_is_rejected()
    {
        var request = TestCampaigns.SmsBody();
        request["type"] = "voice";
        request["from"] = "14155550100";

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, "voiceScript");
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons", "callingWindow.timeZone")]
    [InlineData("timeZone", null, "callingWindow.timeZone")]
    [InlineData("start", "8am", "callingWindow.start")]
    [InlineData("end", "07:00", "callingWindow.end")]
    public async Task Invalid_calling_window_field_is_named(string field, string? value, string reported)
    {
        var request = TestCampaigns.SmsBody();
        var window = (Dictionary<string, object?>)request["callingWindow"]!;
        window[field] = value;

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, reported);
    }

    [Fact]
    public async Task Unknown_day_is_named()
    {
        var request = TestCampaigns.SmsBody();
        ((Dictionary<string, object?>)request["callingWindow"]!)["days"] = new[] { "Mon", "Funday" };

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, "callingWindow.days");
    }

    [Fact]
    public async Task Missing_calling_window_asks_for_its_time_zone()
    {
        var request = TestCampaigns.SmsBody();
        request.Remove("callingWindow");

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, "callingWindow.timeZone");
    }

    [Fact]
    public async Task Nul_character_in_the_name_is_a_validation_error_not_a_server_error()
    {
        var request = TestCampaigns.SmsBody();
        request["name"] = "Spring\0sale";

        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", request);

        await AssertFieldErrorAsync(response, "name");
    }

    [Fact]
    public async Task Every_invalid_field_is_listed_at_once()
    {
        var response = await Host.Client.PostAsJsonAsync("/api/campaigns", new { type = "sms" });

        var errors = (await TestCampaigns.ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "name", "smsTemplate", "from", "callingWindow.timeZone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }
    }

    [Fact]
    public async Task Body_that_is_not_json_is_a_400_problem()
    {
        var response = await Host.Client.PostAsync("/api/campaigns",
            new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Fact]
    public async Task Creating_without_an_api_key_is_unauthorized()
    {
        var response = await Host.AnonymousClient.PostAsJsonAsync("/api/campaigns", TestCampaigns.SmsBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
    }
}
