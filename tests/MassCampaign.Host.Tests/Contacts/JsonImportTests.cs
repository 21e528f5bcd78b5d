using System.Net;
using System.Text;
using MassCampaign.Host.Tests.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Contacts;

public sealed class JsonImportTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Json_array_is_imported_with_attributes_and_rejections_by_position()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string json = """
            [
              {"phone": "+14155550200", "first_name": "Ann", "last_name": "Lee", "timezone": "America/Chicago",
               "attributes": {"plan": "gold", "visits": 3, "vip": true}},
              {"phone": "12", "first_name": "Bob"},
              {"phone": 14155550201, "firstName": "Cy", "city": "Reno"},
              "not an object",
              {"phone": "+14155550202", "first_name": {"nested": true}}
            ]
            """;

        var result = await ContactImports.ResultAsync(await ContactImports.PostJsonAsync(Host, campaign, json));

        Assert.Equal(2, result.GetProperty("imported").GetInt64());
        Assert.Equal(3, result.GetProperty("rejectedCount").GetInt64());
        var rejected = ContactImports.Rejections(result);
        Assert.Equal([2L, 4L, 5L], rejected.Select(r => r.Row));
        Assert.Contains("invalid phone number", rejected[0].Reason);
        Assert.Contains("not an object", rejected[1].Reason);
        Assert.Equal("first_name must be a string", rejected[2].Reason);

        var ann = await ContactImports.ContactAsync(Host, "+14155550200");
        Assert.Equal(("Ann", "Lee", "America/Chicago"), (ann.FirstName, ann.LastName, ann.TimeZone));
        Assert.Equal("gold", ann.Attributes.GetProperty("plan").GetString());
        Assert.Equal(3, ann.Attributes.GetProperty("visits").GetInt32());
        Assert.True(ann.Attributes.GetProperty("vip").GetBoolean());
        var cy = await ContactImports.ContactAsync(Host, "+14155550201");
        Assert.Equal("Cy", cy.FirstName);
        Assert.Equal("Reno", cy.Attributes.GetProperty("city").GetString());
    }

    [Fact]
    public async Task Duplicates_in_json_are_counted()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var result = await ContactImports.ResultAsync(await ContactImports.PostJsonAsync(Host, campaign,
            """[{"phone": "+14155550210"}, {"phone": "(415) 555-0210"}, {"phone": "+14155550211"}]"""));

        Assert.Equal(2, result.GetProperty("imported").GetInt64());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public async Task Nul_character_rejects_the_row_instead_of_failing_the_import()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var result = await ContactImports.ResultAsync(await ContactImports.PostJsonAsync(Host, campaign,
            """[{"phone": "+14155550220", "first_name": "A\u0000n"}, {"phone": "+14155550221", "note": "x\u0000"}, {"phone": "+14155550222"}]"""));

        Assert.Equal(1, result.GetProperty("imported").GetInt64());
        Assert.Equal([1L, 2L], ContactImports.Rejections(result).Select(r => r.Row));
    }

    [Fact]
    public async Task Invalid_json_is_a_400_naming_the_row()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await ContactImports.PostJsonAsync(Host, campaign, """[{"phone": "+14155550230"}, {"phone": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.Equal(2, problem.GetProperty("row").GetInt64());
        Assert.Equal(1, problem.GetProperty("imported").GetInt64());
        Assert.Equal(1, await ContactImports.RecipientCountAsync(Host, campaign));
    }

    [Fact]
    public async Task Json_that_is_not_an_array_is_a_400()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await ContactImports.PostJsonAsync(Host, campaign, """{"phone": "+14155550240"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await TestCampaigns.ProblemAsync(response);
    }

    [Fact]
    public async Task Empty_json_body_is_a_400()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);

        var response = await ContactImports.PostJsonAsync(Host, campaign, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body is empty", (await TestCampaigns.ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_huge_json_value_fails_the_request_with_its_row()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var json = new StringBuilder("[{\"phone\": \"+14155550250\"}, {\"phone\": \"+14155550251\", \"notes\": \"")
            .Append('x', 5 * 1024 * 1024)
            .Append("\"}]")
            .ToString();

        var response = await ContactImports.PostJsonAsync(Host, campaign, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, (await TestCampaigns.ProblemAsync(response)).GetProperty("row").GetInt64());
        Assert.Equal(1, await ContactImports.RecipientCountAsync(Host, campaign));
    }
}
