namespace MassCampaign.Simulator.Sms;

/// <summary>
/// The <c>error-text</c> answered with a configured <c>accountError</c>. Vonage's exact wording is not documented, so
/// these paraphrase VONAGE.md §1.5; status 4 says what the Simulator's own credential check says.
/// </summary>
internal static class AccountErrorTexts
{
    public static string For(int status) => status switch
    {
        4 => "Bad Credentials",
        8 => "Account suspended",
        9 => "Not enough credit",
        11 => "Account is not enabled for HTTP",
        14 => "Signature could not be verified",
        15 => "Sender ID not authorised",
        32 => "Signature and API secret both given",
        _ => $"Error {status}",
    };
}
