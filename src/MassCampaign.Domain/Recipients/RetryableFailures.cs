namespace MassCampaign.Domain.Recipients;

/// <summary>
/// Failures worth a scheduled retry (settings.retry): a receipt's temporary verdicts — absent subscriber (temporary),
/// handset busy, network error (VONAGE.md §2.4: err-code 2, 7, 8) — and submissions the provider kept refusing with
/// a passing fault until the send path gave up (status 5, 10, HTTP 5xx).
/// </summary>
public static class RetryableFailures
{
    public static IReadOnlyList<string> ReceiptErrorCodes { get; } = ["2", "7", "8"];

    public static IReadOnlyList<string> SubmissionErrorCodes { get; } = ["5", "10"];

    /// <summary>Error codes of HTTP answers are written "http-NNN"; every 5xx is a passing fault.</summary>
    public const string SubmissionHttpPattern = "http-5%";
}
