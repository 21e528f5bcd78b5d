using System.Net;
using MassCampaign.Host.Tests.Lifecycle;
using System.Net.Http.Json;
using MassCampaign.Simulator.Sms;

namespace MassCampaign.Host.Tests.Webhooks;

/// <summary>Keywords through the real webhook, with the Simulator receiving the answers the host sends.</summary>
public sealed class KeywordTests(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private const string Inbound = "/api/sms/inbound";
    private const string OptOutConfirmation = WebhookHostFixture.SenderName + ": you are unsubscribed. Reply START to resubscribe.";

    private WebhookHost Host => fixture.Host;

    [Theory]
    [InlineData("Stop")]
    [InlineData(" stop. ")]
    [InlineData("STOP!")]
    [InlineData("STOPALL")]
    [InlineData("UnSubscribe")]
    [InlineData("OPTOUT")]
    [InlineData("Opt out")]
    [InlineData("opt-out.")]
    [InlineData("revoke")]
    [InlineData("Cancel")]
    [InlineData("end")]
    [InlineData("quit")]
    public async Task An_opt_out_keyword_blacklists_the_number_and_is_confirmed_once(string text)
    {
        var phone = WebhookHost.NewPhone();

        using var response = await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stop_keyword", await Host.ScalarAsync<string>("SELECT source FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
        Assert.Equal("opt_out", await Host.ScalarAsync<string>("SELECT classification FROM sms_replies WHERE phone_number = @p", ("p", phone)));
        Assert.Equal(1L, await ConsentEventsAsync(phone, "opt_out"));
        var confirmation = Assert.Single(await AnswersToAsync(phone, 1));
        Assert.Equal((OptOutConfirmation, WebhookHost.OurNumber), (confirmation.Text, confirmation.From));
    }

    [Theory]
    [InlineData("stop all")]
    [InlineData("Please stop")]
    [InlineData("stop texting me at night")]
    public async Task A_sentence_containing_a_keyword_is_a_reply(string text)
    {
        var phone = WebhookHost.NewPhone();

        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, text));

        Assert.Equal("reply", await Host.ScalarAsync<string>("SELECT classification FROM sms_replies WHERE phone_number = @p", ("p", phone)));
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
        Assert.Equal(0L, await ConsentEventsAsync(phone, "opt_out"));
    }

    [Fact]
    public async Task The_same_stop_posted_five_times_at_once_sends_exactly_one_confirmation()
    {
        var phone = WebhookHost.NewPhone();
        var stop = InboundSmsWebhookTests.Sms(phone, "STOP");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Host.PostJsonAsync(Inbound, stop)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.Until(() => OutboxStatusAsync(phone), status => status == "sent", "the confirmation is sent");
        Assert.Equal(1L, Host.Simulator.GetStats().SmsByRecipient.GetValueOrDefault(phone));
        Assert.Equal(1L, await ConsentEventsAsync(phone, "opt_out"));
        Assert.NotNull(await Host.ScalarAsync<DateTime?>(
            "SELECT confirmation_sent_at FROM consent_events WHERE phone_e164 = @p AND event_type = 'opt_out'", ("p", phone)));
    }

    [Fact]
    public async Task Different_stops_from_one_number_racing_send_exactly_one_confirmation()
    {
        var phone = WebhookHost.NewPhone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Host.PostJsonAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "STOP"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.Until(() => OutboxStatusAsync(phone), status => status == "sent", "the confirmation is sent");
        Assert.Equal(6L, await ConsentEventsAsync(phone, "opt_out"));
        Assert.Equal(1L, await OptOutConfirmationsAsync(phone));
        Assert.Equal(1L, Host.Simulator.GetStats().SmsByRecipient.GetValueOrDefault(phone));
    }

    [Fact]
    public async Task A_second_stop_while_opted_out_is_recorded_but_not_confirmed_again()
    {
        var phone = WebhookHost.NewPhone();
        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "STOP"));
        await AnswersToAsync(phone, 1);

        using var again = await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "stop"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2L, await ConsentEventsAsync(phone, "opt_out"));
        Assert.Equal(1L, await OptOutConfirmationsAsync(phone));
        // A help text queued after it goes out, so the second STOP would have been sent by now too.
        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "HELP"));
        var answers = await AnswersToAsync(phone, 2);
        Assert.Equal([OptOutConfirmation, WebhookHostFixture.SenderName + ": help at acme.example. Reply STOP to opt out."],
            answers.Select(a => a.Text));
    }

    [Fact]
    public async Task Each_opt_out_after_a_resubscription_is_confirmed_once()
    {
        var phone = WebhookHost.NewPhone();

        foreach (var text in new[] { "STOP", "STOP", "START", "STOP", "STOP" })
        {
            await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, text));
        }

        Assert.Equal(2L, await OptOutConfirmationsAsync(phone));
        Assert.Equal(4L, await ConsentEventsAsync(phone, "opt_out"));
    }

    [Fact]
    public async Task A_stop_from_a_number_an_operator_blacklisted_is_confirmed_once()
    {
        var phone = WebhookHost.NewPhone();
        using var blacklisted = await Host.Host.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "Complained by email" });
        Assert.True(blacklisted.IsSuccessStatusCode);

        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "STOP"));
        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "STOP"));

        // COMPLIANCE.md §2: confirm a STOP even when the number was not subscribed, but only once.
        Assert.Equal(1L, await OptOutConfirmationsAsync(phone));
        Assert.Equal("operator", await Host.ScalarAsync<string>("SELECT source FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
    }

    [Fact]
    public async Task Start_after_stop_resubscribes_and_is_confirmed()
    {
        var phone = WebhookHost.NewPhone();
        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "STOP"));
        await AnswersToAsync(phone, 1);

        using var response = await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, "Start"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
        Assert.Equal(1L, await ConsentEventsAsync(phone, "opt_in"));
        var answers = await AnswersToAsync(phone, 2);
        Assert.Equal(WebhookHostFixture.SenderName + ": you are resubscribed. Reply STOP to opt out.", answers[1].Text);
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("info?")]
    public async Task Help_is_answered_with_the_configured_help_text(string text)
    {
        var phone = WebhookHost.NewPhone();

        await Host.PostFormAsync(Inbound, InboundSmsWebhookTests.Sms(phone, text));

        var answer = Assert.Single(await AnswersToAsync(phone, 1));
        Assert.Equal(WebhookHostFixture.SenderName + ": help at acme.example. Reply STOP to opt out.", answer.Text);
        Assert.Equal(1L, await ConsentEventsAsync(phone, "help"));
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM blacklist WHERE phone_e164 = @p", ("p", phone)));
    }

    [Fact]
    public async Task A_stop_through_the_simulator_opts_out_an_existing_contact()
    {
        var recipient = await Host.Seed.RecipientAsync(status: "delivered");
        using var sim = new HttpClient { BaseAddress = Host.Simulator.BaseAddress };
        var url = new Uri(Host.Host.BaseAddress, WebhookHost.WithKey(Inbound)).AbsoluteUri;

        using var response = await sim.PostAsJsonAsync("_sim/inbound", new { from = recipient.Phone, to = WebhookHost.OurNumber, text = "Stop.", url });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await AnswersToAsync(recipient.Phone, 1));
        Assert.Equal(recipient.CampaignId, await Host.ScalarAsync<Guid>(
            "SELECT campaign_id FROM consent_events WHERE phone_e164 = @p AND event_type = 'opt_out'", ("p", recipient.Phone)));
    }

    /// <summary>Waits until the Simulator has taken <paramref name="count"/> SMS for the number; returns them oldest first.</summary>
    private async Task<IReadOnlyList<ReceivedSms>> AnswersToAsync(string phone, int count) =>
        await Eventually.Until(
            () => Task.FromResult<IReadOnlyList<ReceivedSms>>([.. Host.Simulator.ReceivedMessages().Where(m => m.To == phone[1..])]),
            answers => answers.Count >= count,
            $"{count} answer(s) reach {phone}");

    private Task<long> ConsentEventsAsync(string phone, string type) =>
        Host.ScalarAsync<long>("SELECT count(*) FROM consent_events WHERE phone_e164 = @p AND event_type = @t", ("p", phone), ("t", type));

    private Task<long> OptOutConfirmationsAsync(string phone) =>
        Host.ScalarAsync<long>("SELECT count(*) FROM sms_outbox WHERE to_phone = @p AND kind = 'opt_out_confirmation'", ("p", phone));

    private async Task<string?> OutboxStatusAsync(string phone) =>
        await Host.ScalarAsync<object>("SELECT status FROM sms_outbox WHERE to_phone = @p", ("p", phone)) as string;
}
