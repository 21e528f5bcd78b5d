using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Host.Tests.Campaigns;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Contacts;

public sealed class CsvImportTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Valid_rows_are_imported_and_invalid_ones_rejected_with_their_row_and_reason()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string csv = """
            phone,first_name,last_name,timezone
            +14155550100,Ada,Lovelace,
            not a number,Bob,,
            (212) 555-0100,Cy,,America/Chicago
            +14155550101,Dee,,Mars/Base
            +44 20 7946 0000,Eve,,
            """;

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        Assert.Equal(3, result.GetProperty("imported").GetInt64());
        Assert.Equal(0, result.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, result.GetProperty("rejectedCount").GetInt64());
        var rejected = ContactImports.Rejections(result);
        Assert.Equal([2L, 4L], rejected.Select(r => r.Row));
        Assert.Equal("not a number", rejected[0].Phone);
        Assert.Contains("invalid phone number", rejected[0].Reason);
        Assert.Equal("+14155550101", rejected[1].Phone);
        Assert.Contains("unknown time zone 'Mars/Base'", rejected[1].Reason);
        Assert.Equal(3, await ContactImports.RecipientCountAsync(Host, campaign));
    }

    [Fact]
    public async Task A_number_twice_in_the_file_or_already_in_the_campaign_counts_as_a_duplicate()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, "phone\n+14155550110\n"));
        const string csv = """
            phone
            +14155550110
            +14155550111
            (415) 555-0111
            +1 415 555 0112
            """;

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        Assert.Equal(2, result.GetProperty("imported").GetInt64());
        Assert.Equal(2, result.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, result.GetProperty("rejectedCount").GetInt64());
        Assert.Equal(3, await ContactImports.RecipientCountAsync(Host, campaign));
    }

    [Fact]
    public async Task Other_columns_are_stored_as_jsonb_attributes()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string csv = """
            phone,first_name,plan,"favourite, colour",empty
            +14155550120,Ann,gold,"blue, mostly",
            """;

        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        var contact = await ContactImports.ContactAsync(Host, "+14155550120");
        Assert.Equal("Ann", contact.FirstName);
        Assert.Equal("gold", contact.Attributes.GetProperty("plan").GetString());
        Assert.Equal("blue, mostly", contact.Attributes.GetProperty("favourite, colour").GetString());
        Assert.False(contact.Attributes.TryGetProperty("empty", out _));
    }

    [Fact]
    public async Task Zone_key_comes_from_the_contact_then_the_number_then_the_campaign()
    {
        var campaign = await TestCampaigns.CreateAsync(Host, timeZone: "Asia/Tokyo");
        const string csv = """
            phone,timezone
            +14155550130,america/denver
            +12125550130,
            +4915112345678,
            +18005550130,
            """;

        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        var zones = await ContactImports.ZoneKeysAsync(Host, campaign);
        Assert.Equal("America/Denver", zones["+14155550130"]);
        Assert.Equal("America/New_York", zones["+12125550130"]);
        Assert.Equal("Europe/Berlin", zones["+4915112345678"]);
        // A toll-free number maps to every US zone: too vague, so the campaign's zone applies.
        Assert.Equal("Asia/Tokyo", zones["+18005550130"]);
        Assert.Equal("America/Denver", (await ContactImports.ContactAsync(Host, "+14155550130")).TimeZone);
    }

    [Fact]
    public async Task Reimport_fills_and_replaces_fields_but_keeps_what_it_leaves_empty()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign,
            "phone,first_name,last_name,timezone,plan,city\n+14155550140,Ann,Lee,America/Chicago,gold,Austin\n"));

        var other = await TestCampaigns.CreateAsync(Host);
        await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, other,
            "phone,first_name,last_name,timezone,plan,tier\n+14155550140,Anne,,,silver,2\n"));

        var contact = await ContactImports.ContactAsync(Host, "+14155550140");
        Assert.Equal("Anne", contact.FirstName);
        Assert.Equal("Lee", contact.LastName);
        Assert.Equal("America/Chicago", contact.TimeZone);
        Assert.Equal("silver", contact.Attributes.GetProperty("plan").GetString());
        Assert.Equal("Austin", contact.Attributes.GetProperty("city").GetString());
        Assert.Equal("2", contact.Attributes.GetProperty("tier").GetString());
        // The stored zone of the contact applies to the new campaign's recipient too.
        Assert.Equal("America/Chicago", (await ContactImports.ZoneKeysAsync(Host, other))["+14155550140"]);
    }

    [Fact]
    public async Task Rows_repeated_in_one_file_apply_in_order()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string csv = """
            phone,first_name,last_name,plan,city
            +14155550150,Ann,Lee,gold,
            +14155550150,,Long,,Paris
            """;

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        Assert.Equal(1, result.GetProperty("imported").GetInt64());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt64());
        var contact = await ContactImports.ContactAsync(Host, "+14155550150");
        Assert.Equal(("Ann", "Long"), (contact.FirstName, contact.LastName));
        Assert.Equal("gold", contact.Attributes.GetProperty("plan").GetString());
        Assert.Equal("Paris", contact.Attributes.GetProperty("city").GetString());
    }

    [Fact]
    public async Task Row_with_the_wrong_number_of_columns_is_rejected()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string csv = """
            phone,first_name
            +14155550160
            +14155550161,Bo,extra
            +14155550162,Cy
            """;

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        Assert.Equal(1, result.GetProperty("imported").GetInt64());
        var rejected = ContactImports.Rejections(result);
        Assert.Equal([1L, 2L], rejected.Select(r => r.Row));
        Assert.All(rejected, r => Assert.Contains("expected 2 columns", r.Reason));
    }

    [Fact]
    public async Task Fields_over_their_caps_reject_the_row()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var csv = new StringBuilder("phone,first_name,notes\n")
            .Append("+14155550170,").Append('a', 257).Append(",ok\n")
            .Append("+14155550171,Bo,").Append('n', 4097).Append('\n')
            .Append("+14155550172,Cy,fine\n")
            .ToString();

        var result = await ContactImports.ResultAsync(await ContactImports.PostCsvAsync(Host, campaign, csv));

        Assert.Equal(1, result.GetProperty("imported").GetInt64());
        var rejected = ContactImports.Rejections(result);
        Assert.Equal((1L, "first_name is longer than 256 characters"), (rejected[0].Row, rejected[0].Reason));
        Assert.Equal((2L, "attribute 'notes' is longer than 4096 bytes"), (rejected[1].Row, rejected[1].Reason));
    }

    [Fact]
    public async Task A_huge_field_stops_the_import_at_its_row_without_blowing_memory()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        var csv = new StringBuilder("phone,notes\n+14155550180,fine\n+14155550181,")
            .Append('x', 5 * 1024 * 1024)
            .Append("\n+14155550182,fine\n")
            .ToString();

        var response = await ContactImports.PostCsvAsync(Host, campaign, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.Equal(2, problem.GetProperty("row").GetInt64());
        Assert.Equal(1, problem.GetProperty("imported").GetInt64());
        Assert.Equal(1, await ContactImports.RecipientCountAsync(Host, campaign));
    }

    [Fact]
    public async Task Unterminated_quote_is_a_400_naming_the_row_after_the_rows_before_it()
    {
        var campaign = await TestCampaigns.CreateAsync(Host);
        const string csv = "phone,first_name\n+14155550190,Ann\n+14155550191,\"Bob\n+14155550192,Cy\n";

        var response = await ContactImports.PostCsvAsync(Host, campaign, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestCampaigns.ProblemAsync(response);
        Assert.Equal(2, problem.GetProperty("row").GetInt64());
        Assert.Contains("never closed", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await ContactImports.RecipientCountAsync(Host, campaign));
    }
}
