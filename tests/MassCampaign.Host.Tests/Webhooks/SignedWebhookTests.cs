using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>The webhook guard with a signature secret configured: a valid signature or the function key, nothing else.</summary>
public abstract class SignedWebhookTests(SignedHostFixture fixture)
{
    private const string Status = "/api/sms/status";
    private const string Inbound = "/api/sms/inbound";

    private WebhookHost Host => fixture.Host;

    [Fact]
    public async Task A_correctly_signed_receipt_is_accepted_without_a_key()
    {
        var sent = await Host.Seed.SentSmsAsync();

        using var response = await Host.PostJsonAsync(Status, Sign(Receipt(sent), TimeProvider.System.GetUtcNow()), withKey: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.ReceiptsAppliedAsync();
        Assert.Equal("delivered", await Host.ScalarAsync<string>("SELECT status FROM campaign_recipients WHERE id = @id", ("id", sent.Id)));
    }

    [Fact]
    public async Task A_correctly_signed_form_receipt_is_accepted_without_a_key()
    {
        var sent = await Host.Seed.SentSmsAsync();

        using var response = await Host.PostFormAsync(Status, Sign(Receipt(sent), TimeProvider.System.GetUtcNow()), withKey: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_inbound_sms_signed_by_the_simulator_is_accepted_without_a_key()
    {
        var phone = WebhookHost.NewPhone();
        using var sim = new HttpClient { BaseAddress = Host.Simulator.BaseAddress };
        var url = new Uri(Host.Host.BaseAddress, Inbound).AbsoluteUri;

        using var response = await sim.PostAsJsonAsync("_sim/inbound", new { from = phone, to = WebhookHost.OurNumber, text = "Signed hello", url });

        var delivery = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(200, delivery.GetProperty("parts")[0].GetProperty("httpStatus").GetInt32());
        Assert.Equal("Signed hello", await Host.ScalarAsync<string>("SELECT reply_text FROM sms_replies WHERE phone_number = @p", ("p", phone)));
    }

    [Fact]
    public async Task A_wrong_signature_is_401()
    {
        var signed = Sign(Receipt(await Host.Seed.SentSmsAsync()), TimeProvider.System.GetUtcNow());
        signed["status"] = "failed";

        using var response = await Host.PostJsonAsync(Status, signed, withKey: false);

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "does not match");
    }

    [Fact]
    public async Task A_correctly_signed_receipt_with_a_stale_timestamp_is_401()
    {
        var signed = Sign(Receipt(await Host.Seed.SentSmsAsync()), TimeProvider.System.GetUtcNow().AddMinutes(-10));

        using var response = await Host.PostJsonAsync(Status, signed, withKey: false);

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "timestamp");
    }

    [Fact]
    public async Task A_receipt_without_signature_and_without_key_is_401()
    {
        using var response = await Host.PostFormAsync(Status, Receipt(await Host.Seed.SentSmsAsync()), withKey: false);

        await DeliveryReceiptWebhookTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "sig");
    }

    [Fact]
    public async Task The_function_key_is_still_accepted_when_a_secret_is_configured()
    {
        using var response = await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(WebhookHost.NewPhone(), "Keyed hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Dictionary<string, string> Sign(Dictionary<string, string> fields, DateTimeOffset at)
    {
        fields["nonce"] = Guid.NewGuid().ToString();
        fields["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fields["sig"] = VonageSignature.Compute(fields, SignedHostFixture.Secret, fixture.Method);
        return fields;
    }

    private static Dictionary<string, string> Receipt(SeededRecipient sent) => new()
    {
        ["messageId"] = sent.PartId(1),
        ["msisdn"] = sent.Msisdn,
        ["to"] = WebhookHost.OurNumber,
        ["status"] = "delivered",
        ["err-code"] = "0",
        ["client-ref"] = sent.ClientRef,
        ["message-timestamp"] = "2020-01-01 14:00:00",
        ["text"] = "a=b&c",
    };
}
