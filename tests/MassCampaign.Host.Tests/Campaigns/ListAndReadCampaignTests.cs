using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Campaigns;

public sealed class ListAndReadCampaignTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task List_filters_by_status_and_type_newest_first_with_paging()
    {
        var older = await TestCampaigns.CreateAsync(Host);
        var newer = await TestCampaigns.CreateAsync(Host);
        var other = await TestCampaigns.CreateAsync(Host);
        // Only this test uses scheduled, so the other tests' campaigns do not show up.
        await TestCampaigns.SetStatusAsync(Host, older, "scheduled");
        await TestCampaigns.SetStatusAsync(Host, newer, "scheduled");
        await TestCampaigns.SetStatusAsync(Host, other, "running");

        var first = await Host.Client.GetFromJsonAsync<JsonElement>("/api/campaigns?status=scheduled&type=sms&pageSize=1");
        var second = await Host.Client.GetFromJsonAsync<JsonElement>("/api/campaigns?status=Scheduled&type=SMS&pageSize=1&page=2");
        var third = await Host.Client.GetFromJsonAsync<JsonElement>("/api/campaigns?status=scheduled&pageSize=1&page=3");

        Assert.Equal(2, first.GetProperty("total").GetInt64());
        Assert.Equal((1, 1), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal(newer, Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(older, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(third.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Listed_campaigns_carry_their_recipient_counts()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        await TestCampaigns.SetStatusAsync(Host, campaign, "paused");
        await Host.Client.PostAsync($"/api/campaigns/{campaign}/contacts",
            new StringContent("phone\n+14155550600\n+14155550601\n", System.Text.Encoding.UTF8, "text/csv"));

        var list = await Host.Client.GetFromJsonAsync<JsonElement>("/api/campaigns?status=paused&pageSize=200");

        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == campaign);
        Assert.Equal(2, item.GetProperty("recipients").GetProperty("total").GetInt64());
        Assert.Equal(2, item.GetProperty("recipients").GetProperty("pending").GetInt64());
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("type=fax", "type")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task Bad_filter_or_paging_value_is_a_validation_problem(string query, string field)
    {
        var response = await Host.Client.GetAsync($"/api/campaigns?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_campaign_is_a_404_problem()
    {
        var response = await Host.Client.GetAsync($"/api/campaigns/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await TestCampaigns.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("0000000-0000-0000-0000-00000000000g")]
    public async Task Malformed_id_is_a_404_problem_not_a_server_error(string id)
    {
        var response = await Host.Client.GetAsync($"/api/campaigns/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }
}
