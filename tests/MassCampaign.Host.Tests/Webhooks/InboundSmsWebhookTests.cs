using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Webhooks;

public sealed class InboundSmsWebhookTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Inbound = "/api/sms/inbound";

    private WebhookHost Host => fixture.Host;

    [Theory]
    [InlineData("query")]
    [InlineData("form")]
    [InlineData("json")]
    public async Task An_inbound_sms_is_stored_whichever_way_it_is_sent(string format)
    {
        var phone = WebhookHost.NewPhone();
        var fields = Sms(phone, $"Hello by {format}");

        using var response = format switch
        {
            "query" => await Host.GetQueryAsync(Inbound, fields),
            "form" => await Host.PostFormAsync(Inbound, fields),
            _ => await Host.PostJsonAsync(Inbound, fields),
        };

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Hello by {format}", await ReplyTextAsync(phone));
    }

    [Fact]
    public async Task An_inbound_sms_Vonage_retries_is_stored_once()
    {
        var phone = WebhookHost.NewPhone();
        var fields = Sms(phone, "Only once");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Host.PostJsonAsync(Inbound, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1L, await RepliesFromAsync(phone));
    }

    [Fact]
    public async Task A_long_reply_arriving_out_of_order_and_twice_is_stored_whole_once()
    {
        var phone = WebhookHost.NewPhone();
        var texts = new[] { "This reply is long enough ", "to need three parts ", "on its way here." };
        var parts = texts.Select((text, i) => Sms(phone, text, concat: ("12", texts.Length, i + 1))).ToArray();

        foreach (var part in new[] { parts[1], parts[2], parts[1], parts[0], parts[2] })
        {
            using var response = await Host.PostFormAsync(Inbound, part);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1L, await RepliesFromAsync(phone));
        Assert.Equal(string.Concat(texts), await ReplyTextAsync(phone));
        Assert.Equal(parts[0]["messageId"], await Host.ScalarAsync<string>(
            "SELECT provider_message_id FROM sms_replies WHERE phone_number = @p", ("p", phone)));
    }

    [Fact]
    public async Task A_long_reply_through_the_simulator_is_reassembled()
    {
        var phone = WebhookHost.NewPhone();
        var text = string.Concat(Enumerable.Repeat("A reply that spans more than one SMS part. ", 6));

        using var response = await SendThroughSimulatorAsync(phone, text);

        var delivery = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(delivery.GetProperty("parts").GetArrayLength() > 1);
        Assert.All(delivery.GetProperty("parts").EnumerateArray(), part => Assert.Equal(200, part.GetProperty("httpStatus").GetInt32()));
        Assert.Equal(text, await ReplyTextAsync(phone));
    }

    [Fact]
    public async Task A_reply_from_an_unknown_number_is_stored_without_a_contact()
    {
        var phone = WebhookHost.NewPhone();

        await Host.PostFormAsync(Inbound, Sms(phone, "Who is this?"));

        Assert.Equal(1L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM sms_replies WHERE phone_number = @p AND contact_id IS NULL AND campaign_id IS NULL", ("p", phone)));
    }

    [Fact]
    public async Task A_reply_is_tied_to_its_contact_and_campaign_and_listed_on_the_campaign_replies_page()
    {
        var recipient = await Host.Seed.RecipientAsync(status: "delivered");

        foreach (var text in new[] { "First answer", "Second answer", "HELP" })
        {
            await Host.PostFormAsync(Inbound, Sms(recipient.Phone, text));
        }

        var page = await Host.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{recipient.CampaignId}/replies?pageSize=2&page=1");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("counts").GetProperty("replies").GetInt64());
        Assert.Equal(1, page.GetProperty("counts").GetProperty("help").GetInt64());
        var items = page.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal(recipient.ContactId, items[0].GetProperty("contactId").GetInt64());
        Assert.EndsWith("Z", items[0].GetProperty("receivedAt").GetString());

        var replies = await Host.Host.Client.GetFromJsonAsync<JsonElement>(
            $"/api/campaigns/{recipient.CampaignId}/replies?classification=reply&page=2&pageSize=1");
        Assert.Equal(2, replies.GetProperty("total").GetInt64());
        Assert.Equal("reply", replies.GetProperty("items")[0].GetProperty("classification").GetString());

        Assert.True(await Host.ScalarAsync<bool>("SELECT has_replied FROM contacts WHERE id = @id", ("id", recipient.ContactId)));
    }

    [Fact]
    public async Task The_replies_page_needs_a_known_campaign_and_sane_paging()
    {
        using var unknown = await Host.Host.Client.GetAsync($"/api/campaigns/{Guid.NewGuid()}/replies");
        using var badPage = await Host.Host.Client.GetAsync($"/api/campaigns/{Guid.NewGuid()}/replies?page=0");
        using var anonymous = await Host.Host.AnonymousClient.GetAsync($"/api/campaigns/{Guid.NewGuid()}/replies");

        await DeliveryReceiptWebhookTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "No campaign");
        await DeliveryReceiptWebhookTests.AssertProblemAsync(badPage, HttpStatusCode.BadRequest, "page");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_inbound_sms_without_a_sender_is_a_400_problem()
    {
        var fields = Sms(WebhookHost.NewPhone(), "Hi");
        fields.Remove("msisdn");

        using var response = await Host.PostJsonAsync(Inbound, fields);

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "msisdn");
    }

    [Fact]
    public async Task A_part_number_beyond_the_total_is_a_400_problem()
    {
        using var response = await Host.PostFormAsync(Inbound, Sms(WebhookHost.NewPhone(), "Hi", concat: ("5", 2, 3)));

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "concat-part");
    }

    internal static Dictionary<string, string> Sms(string phone, string text, (string Ref, int Total, int Part)? concat = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["msisdn"] = phone[1..],
            ["to"] = WebhookHost.OurNumber,
            ["messageId"] = "IN" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant(),
            ["text"] = text,
            ["type"] = "text",
            ["keyword"] = text.Split(' ')[0].ToUpperInvariant(),
            ["message-timestamp"] = "2025-06-02 15:00:00",
        };
        if (concat is { } c)
        {
            fields["concat"] = "true";
            fields["concat-ref"] = c.Ref;
            fields["concat-total"] = c.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields["concat-part"] = c.Part.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private async Task<HttpResponseMessage> SendThroughSimulatorAsync(string phone, string text)
    {
        using var sim = new HttpClient { BaseAddress = Host.Simulator.BaseAddress };
        var url = new Uri(Host.Host.BaseAddress, WebhookHost.WithKey(Inbound));
        var response = await sim.PostAsJsonAsync("_sim/inbound", new { from = phone, to = WebhookHost.OurNumber, text, url = url.AbsoluteUri });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private Task<long> RepliesFromAsync(string phone) =>
        Host.ScalarAsync<long>("SELECT count(*) FROM sms_replies WHERE phone_number = @p", ("p", phone));

    private Task<string> ReplyTextAsync(string phone) =>
        Host.ScalarAsync<string>("SELECT reply_text FROM sms_replies WHERE phone_number = @p ORDER BY id DESC LIMIT 1", ("p", phone));
}
