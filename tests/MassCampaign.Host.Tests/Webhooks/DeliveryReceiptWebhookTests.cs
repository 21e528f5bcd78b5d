using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Webhooks;

public sealed class DeliveryReceiptWebhookTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Status = "/api/sms/status";

    private WebhookHost Host => fixture.Host;

    [Theory]
    [InlineData("query")]
    [InlineData("form")]
    public async Task A_receipt_sent_as_a_query_string_or_a_form_delivers_the_recipient(string format)
    {
        var sent = await Host.Seed.SentSmsAsync();

        using var response = format == "query"
            ? await Host.GetQueryAsync(Status, Receipt(sent, 1, "delivered"))
            : await Host.PostFormAsync(Status, Receipt(sent, 1, "delivered"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("delivered", await RecipientStatusAsync(sent));
    }

    [Fact]
    public async Task A_json_receipt_with_numbers_keeps_the_err_code_and_price()
    {
        var sent = await Host.Seed.SentSmsAsync();

        using var response = await Host.PostJsonAsync(Status, new Dictionary<string, object>
        {
            ["messageId"] = sent.PartId(1), ["msisdn"] = sent.Msisdn, ["to"] = WebhookHost.OurNumber, ["status"] = "failed",
            ["err-code"] = 6, ["price"] = 0.0333, ["client-ref"] = sent.ClientRef, ["timestamp"] = 1582650446,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("6", await Host.ScalarAsync<string>("SELECT error_code FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
        Assert.Equal(0.0333m, await Host.ScalarAsync<decimal>("SELECT price FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
        Assert.Equal("1582650446", await Host.ScalarAsync<string>("SELECT payload->>'timestamp' FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
        Assert.Equal(("failed", "6"), (await RecipientStatusAsync(sent), await Host.ScalarAsync<string>(
            "SELECT error_code FROM campaign_recipients WHERE id = @id", ("id", sent.Id))));
    }

    [Fact]
    public async Task A_receipt_Vonage_retries_is_stored_once()
    {
        var sent = await Host.Seed.SentSmsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Host.PostFormAsync(Status, Receipt(sent, 1, "delivered"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Host.ReceiptsAppliedAsync();
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
        Assert.Equal(1, await Host.ScalarAsync<int>(
            "SELECT jsonb_array_length(status_history) FROM sms_messages WHERE client_ref = @ref", ("ref", sent.ClientRef)));
    }

    [Fact]
    public async Task Receipts_repeated_and_out_of_order_end_where_receipts_in_order_do()
    {
        var sent = await Host.Seed.SentSmsAsync();

        // The final receipt three times at once, then the intermediate one it overtook.
        var finals = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Host.PostFormAsync(Status, Receipt(sent, 1, "delivered"))));
        using var late = await Host.PostFormAsync(Status, Receipt(sent, 1, "accepted"));

        Assert.All(finals.Append(late), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("delivered", await RecipientStatusAsync(sent));
        Assert.Equal("delivered", await Host.ScalarAsync<string>("SELECT status FROM sms_messages WHERE client_ref = @ref", ("ref", sent.ClientRef)));
        Assert.Equal(2L, await Host.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
        Assert.Equal(2, await Host.ScalarAsync<int>(
            "SELECT jsonb_array_length(status_history) FROM sms_messages WHERE client_ref = @ref", ("ref", sent.ClientRef)));
    }

    [Fact]
    public async Task A_receipt_for_a_message_we_do_not_know_is_kept_unmatched()
    {
        var messageId = "UNKNOWN" + Guid.NewGuid().ToString("N")[..9];

        using var response = await Host.PostFormAsync(Status, new Dictionary<string, string>
        {
            ["messageId"] = messageId, ["msisdn"] = "447700900999", ["status"] = "delivered", ["err-code"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.False(await Host.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", messageId)));
    }

    [Fact]
    public async Task Receipts_of_a_long_message_are_aggregated_per_part()
    {
        var sent = await Host.Seed.SentSmsAsync(parts: 2);

        (await Host.PostFormAsync(Status, Receipt(sent, 1, "delivered"))).Dispose();
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("sent", await RecipientStatusAsync(sent));

        (await Host.PostFormAsync(Status, Receipt(sent, 2, "rejected", "14"))).Dispose();
        await Host.ReceiptsAppliedAsync();
        Assert.Equal(("rejected", "14"), (await RecipientStatusAsync(sent),
            await Host.ScalarAsync<string>("SELECT error_code FROM sms_messages WHERE client_ref = @ref", ("ref", sent.ClientRef))));
    }

    [Fact]
    public async Task A_receipt_reconciles_a_recipient_left_unknown_by_a_crash_through_its_client_ref()
    {
        var unknown = await Host.Seed.RecipientAsync(status: "unknown");

        using var response = await Host.PostFormAsync(Status, new Dictionary<string, string>
        {
            ["messageId"] = "CRASH" + unknown.Id, ["msisdn"] = unknown.Msisdn, ["status"] = "delivered", ["err-code"] = "0",
            ["client-ref"] = unknown.ClientRef,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("delivered", await RecipientStatusAsync(unknown));
        Assert.Equal("CRASH" + unknown.Id, await Host.ScalarAsync<string>(
            "SELECT provider_message_id FROM campaign_recipients WHERE id = @id", ("id", unknown.Id)));
    }

    [Fact]
    public async Task A_receipt_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Host.Seed.SentSmsAsync()));
        var receipts = sent.Select(s => Receipt(s, 1, "delivered")).ToArray();
        // More than numeric(12, 6) holds: this receipt cannot be stored, whichever batch it lands in.
        receipts[11]["price"] = "12345678.5";

        var responses = await Task.WhenAll(receipts.Select(r => Host.PostFormAsync(Status, r)));

        Assert.Equal(HttpStatusCode.InternalServerError, responses[11].StatusCode);
        Assert.All(responses.Where((_, i) => i != 11), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Host.ReceiptsAppliedAsync();
        Assert.Equal(sent.Length - 1, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM campaign_recipients WHERE id = ANY(@ids) AND status = 'delivered'", ("ids", sent.Select(s => s.Id).ToArray())));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        using var response = await Host.Host.AnonymousClient.PostAsync(WebhookHost.WithKey(Status),
            new StringContent("{\"messageId\": ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task A_receipt_without_a_message_id_is_a_400_problem_naming_the_field()
    {
        using var response = await Host.PostJsonAsync(Status, new { msisdn = "447700900001", status = "delivered" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "messageId");
    }

    [Fact]
    public async Task A_body_larger_than_64_kb_is_refused()
    {
        using var response = await Host.PostFormAsync(Status, new Dictionary<string, string>
        {
            ["messageId"] = "BIG", ["msisdn"] = "447700900001", ["status"] = "delivered", ["padding"] = new string('x', 70_000),
        });

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "64 KB");
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_a_415_problem()
    {
        using var response = await Host.Host.AnonymousClient.PostAsync(WebhookHost.WithKey(Status),
            new StringContent("<receipt/>", Encoding.UTF8, "application/xml"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task Without_a_key_and_without_a_signature_secret_a_receipt_is_401()
    {
        var sent = await Host.Seed.SentSmsAsync();

        using var response = await Host.PostFormAsync(Status, Receipt(sent, 1, "delivered"), withKey: false);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "code");
        await Host.ReceiptsAppliedAsync();
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = @id", ("id", sent.PartId(1))));
    }

    internal static Dictionary<string, string> Receipt(SeededRecipient sent, int part, string status, string errorCode = "0") => new()
    {
        ["messageId"] = sent.PartId(part),
        ["msisdn"] = sent.Msisdn,
        ["to"] = WebhookHost.OurNumber,
        ["network-code"] = "23410",
        ["price"] = "0.03330000",
        ["status"] = status,
        ["scts"] = "2001011400",
        ["err-code"] = errorCode,
        ["client-ref"] = sent.ClientRef,
        ["message-timestamp"] = "2020-01-01 14:00:00",
    };

    private Task<string> RecipientStatusAsync(SeededRecipient recipient) =>
        Host.ScalarAsync<string>("SELECT status FROM campaign_recipients WHERE id = @id", ("id", recipient.Id));

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
