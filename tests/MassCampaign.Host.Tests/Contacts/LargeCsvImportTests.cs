using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Host.Tests.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Contacts;

/// <summary>Imports larger than one chunk: the pipeline, its writers and what a failure part-way keeps.</summary>
public sealed class LargeCsvImportTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Rejections_are_listed_up_to_a_thousand_and_all_counted()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var csv = new StringBuilder("phone\n");
        for (var i = 0; i < 1_500; i++)
        {
            csv.Append("bad-").Append(i).Append('\n');
        }

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv.ToString()));

        Assert.Equal(1_500, result.GetProperty("rejectedCount").GetInt64());
        var rejected = ContactImports.Rejections(result);
        Assert.Equal(1_000, rejected.Count);
        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), rejected.Select(r => r.Row));
    }

    [Fact]
    public async Task Fifty_thousand_rows_are_imported()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var csv = new StringBuilder("phone,first_name,segment\n");
        for (var i = 0; i < 50_000; i++)
        {
            csv.Append("+1312").Append(2_000_000 + i).Append(",Name").Append(i).Append(",s").Append(i % 7).Append('\n');
        }

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv.ToString()));

        Assert.Equal(50_000, result.GetProperty("imported").GetInt64());
        Assert.Equal(0, result.GetProperty("rejectedCount").GetInt64());
        Assert.Equal(50_000, await ContactImports.RecipientCountAsync(Host, campaign));
        var read = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal(50_000, read.GetProperty("recipients").GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task A_number_repeated_far_apart_in_a_large_file_is_one_recipient()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var csv = new StringBuilder("phone,first_name\n+16175550000,First\n");
        for (var i = 1; i < 30_000; i++)
        {
            csv.Append("+1617").Append(3_000_000 + i).Append(",N\n");
        }

        csv.Append("+16175550000,Last\n");

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv.ToString()));

        Assert.Equal(30_000, result.GetProperty("imported").GetInt64());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt64());
        Assert.Equal("Last", (await ContactImports.ContactAsync(Host, "+16175550000")).FirstName);
    }

    [Fact]
    public async Task Rows_before_a_malformed_row_are_imported_and_counted_in_the_problem()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var valid = new StringBuilder("phone,first_name\n");
        for (var i = 0; i < 40_000; i++)
        {
            valid.Append("+1206").Append(4_000_000 + i).Append(",N\n");
        }

        valid.Append("bad,X\n");
        var broken = valid + "+12065550000,\"never closed\n+12065550001,X\n";

        var response = await ContactImports.PostCsvAsync(Host, campaign, broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.Equal(40_002, problem.GetProperty("row").GetInt64());
        Assert.Equal(40_000, problem.GetProperty("imported").GetInt64());
        Assert.Equal(1, problem.GetProperty("rejectedCount").GetInt64());
        Assert.Equal(40_001, problem.GetProperty("rejected")[0].GetProperty("row").GetInt64());
        Assert.Equal(40_000, await ContactImports.RecipientCountAsync(Host, campaign));

        var again = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, valid + "+12065550000,Fixed\n"));
        Assert.Equal(1, again.GetProperty("imported").GetInt64());
        Assert.Equal(40_000, again.GetProperty("duplicates").GetInt64());
    }
}
