using System.Text;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>Raw SMS API answers for a scripted <see cref="LoopbackEndpoint"/>.</summary>
public static class VonageAnswers
{
    public const string Accepted =
        """{"message-count":"1","messages":[{"to":"447700900000","message-id":"0C000000217B7F02","status":"0","remaining-balance":"15.53590000","message-price":"0.03330000","network":"23410"}]}""";

    public static string Status(int status, string errorText) =>
        $$"""{"message-count":"1","messages":[{"status":"{{status}}","error-text":"{{errorText}}"}]}""";

    public static Task Json(HttpResponse response, string json)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(json, Encoding.UTF8);
    }
}
