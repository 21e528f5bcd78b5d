using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;
using Row = MassCampaign.Host.Tests.Reporting.ReportSeed.Row;

namespace MassCampaign.Host.Tests.Reporting;

public sealed class ReportsApiTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    private ReportSeed Seed => new(Host.Database.DataSource);

    [Fact]
    public async Task Report_gives_totals_delivery_rate_replies_opt_outs_segments_and_cost()
    {
        Row[] rows =
        [
            new("delivered", 2, 0.0666m, "2025-06-02T10:00:00Z"), new("delivered", 1, 0.0333m, "2025-06-02T12:15:30Z"),
            new("sent", 1, 0.0333m, "2025-06-02T11:00:00Z"), new("rejected", 1, 0.0333m, "2025-06-02T11:05:00Z", "6"),
            new("skipped_blacklisted"), new("unknown"), new("cancelled"), new("pending"),
        ];
        var id = await Seed.CampaignAsync("Summer sale", rows);
        await Seed.ReplyAsync(id, rows[0].Phone, "reply");
        await Seed.ReplyAsync(id, rows[1].Phone, "opt_out");

        var response = await Host.Client.GetAsync($"/api/campaigns/{id}/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, report.GetProperty("campaignId").GetGuid());
        Assert.Equal(("Summer sale", "sms", "completed"),
            (report.GetProperty("name").GetString(), report.GetProperty("type").GetString(), report.GetProperty("status").GetString()));
        var totals = report.GetProperty("totals");
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["total"] = 8, ["pending"] = 1, ["sending"] = 0, ["deferred"] = 0, ["sent"] = 1, ["delivered"] = 2, ["failed"] = 1,
                ["skipped"] = 1, ["unknown"] = 1, ["unknownUnresolved"] = 0, ["cancelled"] = 1,
            },
            totals.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        Assert.Equal(0.5, report.GetProperty("deliveryRate").GetDouble());
        Assert.Equal((2L, 1L, 5L, 0.1665m),
            (report.GetProperty("replies").GetInt64(), report.GetProperty("optOuts").GetInt64(),
             report.GetProperty("segments").GetInt64(), report.GetProperty("cost").GetDecimal()));
        Assert.Equal("2025-06-02T10:00:00Z", report.GetProperty("firstSentAt").GetString());
        Assert.Equal("2025-06-02T12:15:30Z", report.GetProperty("lastSentAt").GetString());
    }

    [Fact]
    public async Task Report_of_a_campaign_that_sent_nothing_has_a_null_delivery_rate()
    {
        var id = await Seed.CampaignAsync("Quiet", new Row("pending"));

        var report = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/report");

        Assert.Equal(JsonValueKind.Null, report.GetProperty("deliveryRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstSentAt").ValueKind);
        Assert.Equal(0m, report.GetProperty("cost").GetDecimal());
    }

    [Theory]
    [InlineData("report")]
    [InlineData("recipients")]
    [InlineData("recipients?format=csv")]
    public async Task An_unknown_campaign_is_a_404_problem(string path)
    {
        var response = await Host.Client.GetAsync($"/api/campaigns/{Guid.NewGuid()}/{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Campaign not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Recipients_are_listed_in_pages_with_every_outcome_field()
    {
        Row[] rows = [new("sent", 2, 0.05m, "2025-06-02T10:00:00Z"), new("pending"), new("rejected", 1, null, null, "6"), new("pending")];
        var id = await Seed.CampaignAsync("Pages", rows);

        var page = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/recipients?page=1&pageSize=3");

        Assert.Equal((4L, 1, 3), (page.GetProperty("total").GetInt64(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(rows.Take(3).Select(r => r.Phone), items.Select(i => i.GetProperty("phone").GetString()));
        var first = items[0];
        Assert.Equal(("Grace1", "Hopper1", "sent", 1, 2, 0.05m, "2025-06-02T10:00:00Z"),
            (first.GetProperty("firstName").GetString(), first.GetProperty("lastName").GetString(), first.GetProperty("status").GetString(),
             first.GetProperty("attempt").GetInt32(), first.GetProperty("segments").GetInt32(), first.GetProperty("price").GetDecimal(),
             first.GetProperty("sentAt").GetString()));
        Assert.Equal("6", items[2].GetProperty("errorCode").GetString());
        foreach (var field in new[] { "outcome", "providerMessageId", "finishedAt" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        var last = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/recipients?page=2&pageSize=3");
        Assert.Equal([rows[3].Phone], last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("phone").GetString()));
    }

    [Fact]
    public async Task Status_filter_selects_what_the_report_total_of_that_name_counts()
    {
        Row[] rows = [new("failed"), new("delivered"), new("expired"), new("rejected"), new("skipped_invalid")];
        var id = await Seed.CampaignAsync("Filters", rows);

        var failed = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/recipients?status=failed");
        var mixed = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/recipients?status=delivered,skipped");

        Assert.Equal([rows[0].Phone, rows[2].Phone, rows[3].Phone], Phones(failed));
        Assert.Equal([rows[1].Phone, rows[4].Phone], Phones(mixed));
    }

    [Fact]
    public async Task Recipients_download_as_csv_with_a_header_and_one_line_each()
    {
        Row[] rows = [new("delivered", 1, 0.0333m, "2025-06-02T10:00:00Z"), new("pending"), new("sent", 1, null, "2025-06-02T10:01:00Z")];
        var id = await Seed.CampaignAsync("Csv", rows);

        var response = await Host.Client.GetAsync($"/api/campaigns/{id}/recipients?format=csv&status=delivered,sent");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"campaign-{id}-recipients.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "phone,first_name,last_name,status,attempt,outcome,error_code,provider_message_id,segments,price,sent_at,finished_at",
                $"\"'{rows[0].Phone}\",Grace1,Hopper1,delivered,1,delivered,,,1,0.033300,2025-06-02T10:00:00Z,",
                $"\"'{rows[2].Phone}\",Grace3,Hopper3,sent,1,sent,,,1,,2025-06-02T10:01:00Z,",
            ],
            lines);
    }

    [Fact]
    public async Task Csv_cells_a_spreadsheet_would_run_as_a_formula_start_with_a_quote()
    {
        Row[] rows =
        [
            new("failed", 1, -0.5m, ErrorCode: "=1+1", FirstName: "=HYPERLINK(\"http://evil.example\",\"Click\")", LastName: "+SUM(A1)"),
            new("pending", FirstName: "-2+3", LastName: "@cmd"),
            new("pending", FirstName: "\tTab", LastName: "\rReturn"),
            new("pending", FirstName: "Ada=Lovelace", LastName: "O'Brien-Smith"),
        ];
        var id = await Seed.CampaignAsync("Injection", rows);

        var csv = await Host.Client.GetStringAsync($"/api/campaigns/{id}/recipients?format=csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"\"'{rows[0].Phone}\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",\"'+SUM(A1)\",failed,1,failed,\"'=1+1\",,1,-0.500000,,",
                $"\"'{rows[1].Phone}\",\"'-2+3\",\"'@cmd\",pending,0,pending,,,,,,",
                $"\"'{rows[2].Phone}\",\"'\tTab\",\"'\rReturn\",pending,0,pending,,,,,,",
                $"\"'{rows[3].Phone}\",Ada=Lovelace,O'Brien-Smith,pending,0,pending,,,,,,",
            ],
            lines[1..]);
    }

    [Fact]
    public async Task A_large_csv_streams_every_recipient()
    {
        var rows = Enumerable.Range(0, 30_000).Select(_ => new Row("delivered", 1, 0.01m, "2025-06-02T10:00:00Z")).ToArray();
        var id = await Seed.CampaignAsync("Large", rows);

        using var response = await Host.Client.GetAsync($"/api/campaigns/{id}/recipients?format=csv", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = 0;
        while (await reader.ReadLineAsync() is not null)
        {
            lines++;
        }

        Assert.Equal(rows.Length + 1, lines);
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem_listing_the_valid_ones()
    {
        var id = await Seed.CampaignAsync("Bad filter", new Row("sent"));

        var response = await Host.Client.GetAsync($"/api/campaigns/{id}/recipients?status=sent,done");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("status")[0].GetString();
        foreach (var name in new[] { "pending", "sending", "sent", "delivered", "failed", "skipped", "unknown", "cancelled" })
        {
            Assert.Contains(name, message);
        }
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("format=xml", "format")]
    public async Task Bad_paging_or_format_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var id = await Seed.CampaignAsync("Bad paging", new Row("sent"));

        var response = await Host.Client.GetAsync($"/api/campaigns/{id}/recipients?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Reports_need_the_api_key()
    {
        var id = await Seed.CampaignAsync("Secret", new Row("sent"));

        var report = await Host.AnonymousClient.GetAsync($"/api/campaigns/{id}/report");
        var csv = await Host.AnonymousClient.GetAsync($"/api/campaigns/{id}/recipients?format=csv&code={RunningHost.ApiKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    private static IEnumerable<string?> Phones(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("phone").GetString());
}
