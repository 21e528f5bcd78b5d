using System.Net;
using System.Text;
using MassCampaign.Host.Tests.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Contacts;

/// <summary>What the import route answers about the request itself: content type, body, campaign and its status.</summary>
public sealed class ContactImportRequestTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Missing_phone_column_is_a_400()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await ContactImports.PostCsvAsync(Host, campaign, "mobile,first_name\n+14155550100,Ann\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.Contains("'phone'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Empty_body_is_a_400()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await ContactImports.PostCsvAsync(Host, campaign, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body is empty", (await TestCampaigns.ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Header_only_imports_nothing()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, "phone,first_name\n"));

        Assert.Equal(0, result.GetProperty("imported").GetInt64());
        Assert.Equal(0, result.GetProperty("rejectedCount").GetInt64());
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await Host.Client.PostAsync($"/api/campaigns/{campaign}/contacts",
            new StringContent("phone\n+14155550100\n", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Fact]
    public async Task Unknown_campaign_is_a_404_problem()
    {
        var response = await ContactImports.PostCsvAsync(Host, Guid.NewGuid(), "phone\n+14155550100\n");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Fact]
    public async Task Malformed_campaign_id_is_a_404_problem()
    {
        var response = await Host.Client.PostAsync("/api/campaigns/not-a-guid/contacts",
            new StringContent("phone\n+14155550100\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("stopped")]
    [InlineData("failed")]
    public async Task Finished_campaign_refuses_contacts_with_409(string status)
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        await TestCampaigns.SetStatusAsync(Host, campaign, status);

        var response = await ContactImports.PostCsvAsync(Host, campaign, "phone\n+14155550100\n");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Theory]
    [InlineData("paused")]
    [InlineData("running")]
    public async Task Unfinished_campaign_takes_more_contacts(string status)
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        await TestCampaigns.SetStatusAsync(Host, campaign, status);

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, "phone\n+14155550199\n"));

        Assert.Equal(1, result.GetProperty("imported").GetInt64());
    }
}
