using MassCampaign.Data.Sending;
using MassCampaign.Domain.Messaging;
using MassCampaign.Vonage.Sms;
using MassCampaign.Workflows.Sending;
using NodaTime;

namespace MassCampaign.Workflows.Tests.Sending;

public sealed class SmsOutcomesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);

    [Fact]
    public void An_accepted_long_sms_records_every_part_with_its_price()
    {
        var result = new SmsSendResult(SmsSendOutcome.Accepted, [Part(0, "id-1", 0.01m), Part(0, "id-2", 0.01m)], 0, 200, null);

        var outcome = SmsOutcomes.From(Draft(attempt: 1), result, Now);

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal([new SentPart("id-1", 0, 0.01m), new SentPart("id-2", 1, 0.01m)], outcome.Parts);
        Assert.Equal(0.02m, outcome.Price);
        Assert.Null(outcome.ErrorCode);
    }

    [Fact]
    public void A_partly_accepted_sms_is_never_resent_and_keeps_the_refusal_code()
    {
        var result = new SmsSendResult(SmsSendOutcome.PartiallyAccepted, [Part(0, "id-1", null), Part(6, null, null)], 6, 200, "Invalid Message");

        var outcome = SmsOutcomes.From(Draft(attempt: 1), result, Now);

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Single(outcome.Parts);
        Assert.Equal("6", outcome.ErrorCode);
    }

    [Fact]
    public void A_throttled_sms_is_retried_after_the_providers_hint()
    {
        var result = new SmsSendResult(SmsSendOutcome.Throttled, [], 1, 200, "Throughput Rate Exceeded", TimeSpan.FromMilliseconds(900));

        var outcome = SmsOutcomes.From(Draft(attempt: 30), result, Now);

        Assert.Equal(SendOutcomeKind.Retry, outcome.Kind);
        Assert.Equal((Now + Duration.FromMilliseconds(900)).ToDateTimeOffset(), outcome.RetryAt);
    }

    [Fact]
    public void A_transient_fault_is_retried_until_the_attempts_run_out()
    {
        var result = new SmsSendResult(SmsSendOutcome.Transient, [], 5, 200, "Internal Error");

        var early = SmsOutcomes.From(Draft(attempt: 2), result, Now);
        var last = SmsOutcomes.From(Draft(attempt: RetryBackoff.MaxTransientAttempts), result, Now);

        Assert.Equal(SendOutcomeKind.Retry, early.Kind);
        Assert.Equal((Now + Duration.FromSeconds(10)).ToDateTimeOffset(), early.RetryAt);
        Assert.Equal(SendOutcomeKind.Permanent, last.Kind);
        Assert.Equal("5", last.ErrorCode);
    }

    [Fact]
    public void A_refusal_fails_the_recipient_with_the_providers_code()
    {
        var result = new SmsSendResult(SmsSendOutcome.Permanent, [Part(3, null, null)], 3, 200, "Invalid Parameters");

        var outcome = SmsOutcomes.From(Draft(attempt: 1), result, Now);

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("3", outcome.ErrorCode);
        Assert.Equal("Invalid Parameters", outcome.ErrorText);
    }

    [Fact]
    public void An_answer_lost_after_sending_is_recorded_as_ambiguous()
    {
        var result = new SmsSendResult(SmsSendOutcome.Ambiguous, [], null, 503, "HTTP 503 Service Unavailable.");

        var outcome = SmsOutcomes.From(Draft(attempt: 1), result, Now);

        Assert.Equal(SendOutcomeKind.Ambiguous, outcome.Kind);
        Assert.Equal("http-503", outcome.ErrorCode);
    }

    [Fact]
    public void A_released_recipient_goes_back_to_pending_at_once()
    {
        var outcome = SmsOutcomes.Released(Draft(attempt: 1), Now, "paused");

        Assert.Equal(SendOutcomeKind.Released, outcome.Kind);
        Assert.Equal(Now.ToDateTimeOffset(), outcome.RetryAt);
    }

    [Fact]
    public void The_message_is_rendered_per_recipient_with_its_encoding_and_segments()
    {
        var draft = Draft(attempt: 1, template: "Hi {{first_name}}, your plan is {{attr.plan}} ✓");

        var outcome = SmsOutcomes.From(draft, new SmsSendResult(SmsSendOutcome.Accepted, [Part(0, "m", null)], 0, 200, null), Now);

        Assert.Equal("Hi Ada, your plan is gold ✓", outcome.Body);
        Assert.Equal("ucs2", outcome.Encoding);
        Assert.Equal(1, outcome.Segments);
        Assert.Equal("17-1", outcome.ClientRef);
    }

    private static SmsPartResult Part(int status, string? id, decimal? price) =>
        new(status, id, "15550001111", price, null, null, "17-1", null);

    private static SmsMessageDraft Draft(int attempt, string template = "Hello {{first_name}}")
    {
        Assert.True(SmsTemplate.TryParse(template, out var parsed, out _));
        var recipient = new ClaimedRecipient(
            17, 3, "+15550001111", attempt, "America/New_York", "Ada", "Lovelace", null,
            new Dictionary<string, string> { ["plan"] = "gold" });
        return SmsMessageDraft.Render(Guid.NewGuid(), "MassCampaign", parsed, recipient);
    }
}
