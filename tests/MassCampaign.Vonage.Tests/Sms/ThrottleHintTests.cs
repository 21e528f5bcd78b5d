using System.Net.Http.Headers;
using MassCampaign.Vonage.Sms;

namespace MassCampaign.Vonage.Tests.Sms;

public sealed class ThrottleHintTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Throughput Rate Exceeded - please wait [ 978 ] and retry", 978)]
    [InlineData("please wait [1000] and retry", 1000)]
    public void Wait_in_vonage_error_text_is_read_as_milliseconds(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ThrottleHint.FromErrorText(text));
    }

    [Theory]
    [InlineData("Throttled")]
    [InlineData(null)]
    public void Error_text_without_a_wait_gives_no_hint(string? text)
    {
        Assert.Null(ThrottleHint.FromErrorText(text));
    }

    [Fact]
    public void Retry_after_in_seconds_is_a_delay()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), ThrottleHint.FromRetryAfter(response.Headers, Now));
    }

    [Fact]
    public void Retry_after_as_an_http_date_is_the_time_until_then()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 12:00:07 GMT");

        Assert.Equal(TimeSpan.FromSeconds(7), ThrottleHint.FromRetryAfter(response.Headers, Now));
    }

    [Fact]
    public void Retry_after_date_in_the_past_means_now()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-5));

        Assert.Equal(TimeSpan.Zero, ThrottleHint.FromRetryAfter(response.Headers, Now));
    }
}
