using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Host.Tests.Webhooks;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Blacklist;

public sealed class BlacklistApiTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Adding_a_number_normalises_it_to_e164_and_answers_201_with_its_location()
    {
        var phone = WebhookHost.NewPhone();

        using var response = await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone = $"+44 {phone[3..7]} {phone[7..]}", reason = "asked by phone" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/blacklist/{Uri.EscapeDataString(phone)}", response.Headers.Location?.OriginalString);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((phone, "asked by phone", "operator"), (entry.GetProperty("phone").GetString(), entry.GetProperty("reason").GetString(), entry.GetProperty("source").GetString()));
        Assert.EndsWith("Z", entry.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Adding_a_listed_number_again_answers_200_with_the_first_entry()
    {
        var phone = WebhookHost.NewPhone();
        using var first = await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "first" });

        using var again = await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "second", source = "complaint" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var entry = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("first", "operator"), (entry.GetProperty("reason").GetString(), entry.GetProperty("source").GetString()));
        Assert.Equal(1L, await ConsentEventsAsync(phone));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a number")]
    [InlineData("")]
    public async Task Adding_an_invalid_number_is_a_400_problem(string phone)
    {
        using var response = await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "x" });

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "E.164");
    }

    [Fact]
    public async Task Adding_with_a_source_only_the_system_may_use_is_a_400_problem()
    {
        using var response = await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone = WebhookHost.NewPhone(), source = "stop_keyword" });

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "operator, complaint");
    }

    [Fact]
    public async Task A_listed_number_is_found_by_url_encoded_e164_by_plain_plus_and_by_loose_digits()
    {
        var phone = WebhookHost.NewPhone();
        await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone });

        foreach (var form in new[] { Uri.EscapeDataString(phone), phone, phone[1..] })
        {
            var entry = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/blacklist/{form}");
            Assert.Equal(phone, entry.GetProperty("phone").GetString());
        }
    }

    [Fact]
    public async Task A_number_not_on_the_list_is_404_and_an_invalid_one_400()
    {
        using var missing = await Host.Client.GetAsync($"/api/blacklist/{Uri.EscapeDataString(WebhookHost.NewPhone())}");
        using var invalid = await Host.Client.GetAsync("/api/blacklist/abc");

        await DeliveryReceiptWebhookTests.AssertProblemAsync(missing, HttpStatusCode.NotFound, "not on the blacklist");
        await DeliveryReceiptWebhookTests.AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "E.164");
    }

    [Fact]
    public async Task Removing_a_number_deletes_the_entry_and_the_trail_keeps_the_add_and_the_removal()
    {
        var phone = WebhookHost.NewPhone();
        await Host.Client.PostAsJsonAsync("/api/blacklist", new { phone });

        using var removed = await Host.Client.DeleteAsync($"/api/blacklist/{Uri.EscapeDataString(phone)}");
        using var again = await Host.Client.DeleteAsync($"/api/blacklist/{Uri.EscapeDataString(phone)}");
        using var read = await Host.Client.GetAsync($"/api/blacklist/{Uri.EscapeDataString(phone)}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("blacklist_added,blacklist_removed", await ScalarAsync<string>(
            "SELECT string_agg(event_type, ',' ORDER BY id) FROM consent_events WHERE phone_e164 = @p", phone));
    }

    [Fact]
    public async Task The_blacklist_needs_a_function_key()
    {
        using var response = await Host.AnonymousClient.PostAsJsonAsync("/api/blacklist", new { phone = WebhookHost.NewPhone() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<long> ConsentEventsAsync(string phone) =>
        ScalarAsync<long>("SELECT count(*) FROM consent_events WHERE phone_e164 = @p", phone);

    private async Task<T> ScalarAsync<T>(string sql, string phone)
    {
        await using var command = Host.Database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("p", phone);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
