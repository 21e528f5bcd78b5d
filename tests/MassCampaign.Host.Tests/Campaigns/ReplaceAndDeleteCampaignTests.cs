using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Host.Tests.Contacts;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Campaigns;

public sealed class ReplaceAndDeleteCampaignTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Put_replaces_every_field_of_a_draft()
    {
        var id = await TestCampaigns.CreateAsync(Host);
        var created = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        var replacement = new Dictionary<string, object?>
        {
            ["name"] = "Reminder calls",
            ["type"] = "voice",
            ["voiceScript"] = "Hello, this is a reminder.",
            ["from"] = "+14155550100",
            ["callingWindow"] = new { timeZone = "Europe/Berlin", start = "10:00", end = "18:00" },
        };

        var response = await Host.Client.PutAsJsonAsync($"/api/campaigns/{id}", replacement);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Reminder calls", "voice", "draft"),
            (body.GetProperty("name").GetString(), body.GetProperty("type").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("smsTemplate").ValueKind);
        Assert.Equal("Europe/Berlin", body.GetProperty("callingWindow").GetProperty("timeZone").GetString());
        Assert.Equal(["retry", "unknownPolicy", "unknownResolveAfter"], body.GetProperty("settings").EnumerateObject().Select(m => m.Name));
        Assert.Equal(created.GetProperty("createdAt").GetString(), body.GetProperty("createdAt").GetString());
        Assert.Equal("Reminder calls", (await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_with_invalid_fields_is_a_validation_problem_and_changes_nothing()
    {
        var id = await TestCampaigns.CreateAsync(Host);
        var request = TestCampaigns.SmsBody();
        request["type"] = "telegram";

        var response = await Host.Client.PutAsJsonAsync($"/api/campaigns/{id}", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestCampaigns.ProblemAsync(response)).GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal("sms", (await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("scheduled")]
    [InlineData("running")]
    [InlineData("completed")]
    public async Task Put_and_delete_of_a_campaign_that_is_not_a_draft_are_409(string status)
    {
        var id = await TestCampaigns.CreateAsync(Host);
        await TestCampaigns.SetStatusAsync(Host, id, status);

        var put = await Host.Client.PutAsJsonAsync($"/api/campaigns/{id}", TestCampaigns.SmsBody());
        var delete = await Host.Client.DeleteAsync($"/api/campaigns/{id}");

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains(status, (await TestCampaigns.ProblemAsync(put)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        await TestCampaigns.ProblemAsync(delete);
        Assert.Equal(HttpStatusCode.OK, (await Host.Client.GetAsync($"/api/campaigns/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_removes_a_draft_and_its_recipients()
    {
        var id = await TestCampaigns.CreateAsync(Host);
        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, id, "phone\n+14155550700\n+14155550701\n"));

        var response = await Host.Client.DeleteAsync($"/api/campaigns/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client.GetAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(0, await ContactImports.RecipientCountAsync(Host, id));
    }

    [Fact]
    public async Task Put_and_delete_of_an_unknown_campaign_are_404()
    {
        var id = Guid.NewGuid();

        var put = await Host.Client.PutAsJsonAsync($"/api/campaigns/{id}", TestCampaigns.SmsBody());
        var delete = await Host.Client.DeleteAsync($"/api/campaigns/{id}");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        await TestCampaigns.ProblemAsync(put);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await TestCampaigns.ProblemAsync(delete);
    }

    [Fact]
    public async Task Put_and_delete_with_a_malformed_id_are_404()
    {
        var put = await Host.Client.PutAsync("/api/campaigns/nope",
            new StringContent(JsonSerializer.Serialize(TestCampaigns.SmsBody()), Encoding.UTF8, "application/json"));
        var delete = await Host.Client.DeleteAsync("/api/campaigns/nope");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await TestCampaigns.ProblemAsync(delete);
    }
}
