namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Where Vonage reaches the host about one call attempt. Each URL carries the attempt's client-ref, so an event is
/// matched even to a call whose creation answer was lost, and the function key when webhooks are not signed.
/// </summary>
public sealed class VoiceWebhookUrls(Uri publicBase, string? key)
{
    public Uri Answer(string clientRef) => Build("answer", clientRef);

    public Uri Event(string clientRef) => Build("event", clientRef);

    public Uri Input(string clientRef) => Build("input", clientRef);

    private Uri Build(string hook, string clientRef)
    {
        var query = $"ref={Uri.EscapeDataString(clientRef)}" + (string.IsNullOrEmpty(key) ? "" : $"&code={Uri.EscapeDataString(key)}");
        return new Uri(publicBase, $"api/voice/{hook}?{query}");
    }
}
