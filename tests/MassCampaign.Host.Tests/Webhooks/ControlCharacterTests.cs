using System.Net;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>
/// Control characters in any webhook field never lose the message: PostgreSQL text and jsonb cannot hold NUL,
/// so it is left out of what is stored; every other control character is stored as sent.
/// </summary>
public sealed class ControlCharacterTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Inbound = "/api/sms/inbound";
    private const string Status = "/api/sms/status";
    private const string OtherControls = "\u0001\u0007\u001B\u007F\u0085";

    private WebhookHost Host => fixture.Host;

    [Theory]
    [InlineData("query")]
    [InlineData("form")]
    [InlineData("json")]
    public async Task A_stop_with_a_nul_character_opts_out_and_is_stored(string format)
    {
        var phone = WebhookHost.NewPhone();
        var fields = InboundSmsWebhookTests.Sms(phone, "STOP\u0000");

        using var response = await PostAsync(Inbound, fields, format);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("STOP", "opt_out"), (await ReplyAsync(phone, "reply_text"), await ReplyAsync(phone, "classification")));
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
    }

    [Fact]
    public async Task Nul_characters_in_every_inbound_field_are_left_out_and_the_message_stored()
    {
        var phone = WebhookHost.NewPhone();
        var fields = InboundSmsWebhookTests.Sms(phone, "St\u0000op");
        var messageId = fields["messageId"];
        foreach (var key in new[] { "msisdn", "to", "messageId", "keyword", "type", "message-timestamp" })
        {
            fields[key] = fields[key][..3] + "\u0000" + fields[key][3..] + "\u0000";
        }

        using var response = await Host.PostJsonAsync(Inbound, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(messageId, await ReplyAsync(phone, "provider_message_id"));
        Assert.Equal("opt_out", await ReplyAsync(phone, "classification"));
        Assert.Equal("Stop", await Host.ScalarAsync<string>(
            "SELECT raw_text FROM consent_events WHERE phone_e164 = @p AND event_type = 'opt_out'", ("p", phone)));
    }

    [Fact]
    public async Task Other_control_characters_are_stored_as_sent_and_a_keyword_between_them_still_counts()
    {
        var reply = WebhookHost.NewPhone();
        var stop = WebhookHost.NewPhone();

        using var replied = await Host.PostJsonAsync(Inbound, InboundSmsWebhookTests.Sms(reply, $"Hi{OtherControls}there"));
        using var stopped = await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(stop, $"{OtherControls}STOP{OtherControls}"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (replied.StatusCode, stopped.StatusCode));
        Assert.Equal($"Hi{OtherControls}there", await ReplyAsync(reply, "reply_text"));
        Assert.Equal("opt_out", await ReplyAsync(stop, "classification"));
    }

    [Theory]
    [InlineData("form")]
    [InlineData("json")]
    public async Task A_receipt_with_control_characters_in_every_field_is_stored_and_applied(string format)
    {
        var sent = await Host.Seed.SentSmsAsync();
        var fields = DeliveryReceiptWebhookTests.Receipt(sent, 1, "delivered");
        foreach (var key in fields.Keys.ToList())
        {
            fields[key] += "\u0000";
        }

        fields["err-code"] = "1\u0000" + OtherControls + "2";

        using var response = await PostAsync(Status, fields, format);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("delivered", await Host.ScalarAsync<string>("SELECT status FROM campaign_recipients WHERE id = @id", ("id", sent.Id)));
        Assert.Equal("1" + OtherControls + "2", await Host.ScalarAsync<string>(
            "SELECT error_code FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
    }

    [Fact]
    public async Task A_batch_of_receipts_holding_one_with_a_nul_stores_and_applies_every_receipt()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Host.Seed.SentSmsAsync()));
        var receipts = sent.Select(s => DeliveryReceiptWebhookTests.Receipt(s, 1, "delivered")).ToArray();
        receipts[17]["client-ref"] += "\u0000";
        receipts[23]["msisdn"] = "\u0000" + receipts[23]["msisdn"];

        var responses = await Task.WhenAll(receipts.Select(r => Host.PostJsonAsync(Status, r)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Host.ReceiptsAppliedAsync();
        Assert.Equal(sent.Length, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM campaign_recipients WHERE id = ANY(@ids) AND status = 'delivered'", ("ids", sent.Select(s => s.Id).ToArray())));
    }

    private Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string format) => format switch
    {
        "query" => Host.GetQueryAsync(path, fields),
        "form" => Host.PostFormAsync(path, fields),
        _ => Host.PostJsonAsync(path, fields),
    };

    private Task<string> ReplyAsync(string phone, string column) =>
        Host.ScalarAsync<string>($"SELECT {column} FROM sms_replies WHERE phone_number = @p", ("p", phone));
}
