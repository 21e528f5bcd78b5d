using System.Reflection;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// A Vonage webhook's parameters flattened into one dictionary, whichever way they came (query string, form or
/// JSON body), or why they could not be read. Binding never fails, so the guard and the handler decide the answer.
/// </summary>
public sealed class WebhookPayload
{
    private WebhookPayload(IReadOnlyDictionary<string, string> fields, WebhookReadError? error)
    {
        Fields = fields;
        Error = error;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public WebhookReadError? Error { get; }

    public static WebhookPayload Read(IReadOnlyDictionary<string, string> fields) => new(fields, null);

    public static WebhookPayload Unreadable(int status, string title, string detail) =>
        new(new Dictionary<string, string>(), new WebhookReadError(status, title, detail));

    public static async ValueTask<WebhookPayload?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await WebhookPayloadReader.ReadAsync(context.Request, context.RequestAborted);
}
