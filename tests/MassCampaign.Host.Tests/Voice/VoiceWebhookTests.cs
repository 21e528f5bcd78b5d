using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MassCampaign.Testing;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>
/// The voice webhooks with signed callbacks: the Simulator signs every answer fetch, event and input with the HS256
/// JWT, the URLs carry no key, and the host takes only what the token vouches for; a replayed event changes nothing.
/// </summary>
[Collection(nameof(VoiceCampaignTests))]
public sealed class VoiceWebhookTests
{
    private const string Secret = "voice-signature-secret";

    [Fact]
    public async Task Signed_callbacks_run_a_campaign_and_forged_or_replayed_ones_change_nothing()
    {
        await using var host = await VoiceHost.StartAsync(40, new Dictionary<string, string?> { ["Vonage:SignatureSecret"] = Secret });
        await host.ConfigureSimulatorAsync(new { signatureSecret = Secret, voice = new { dtmf = new Dictionary<string, double> { ["1"] = 0.5 } } });
        var phones = Enumerable.Range(26_000, 20).Select(TestPhoneNumbers.Us).ToArray();
        var id = await host.CreateAsync(VoiceHost.Campaign("voice", "Hello {{first_name}}, press 1 to confirm.", new { }), phones);

        await host.Api.StartAsync(id);
        await host.WaitForStatusAsync(id, s => s.RuntimeStatus == "Completed", "the signed voice campaign completes", TimeSpan.FromMinutes(1));

        var stats = await host.SimulatorStatsAsync();
        Assert.Equal(phones.Length, stats.GetProperty("callsCreated").GetInt64());
        Assert.Equal(0, (await host.StatusAsync(id)).Count("callsInProgress"));
        var (clientRef, payload) = await OneStoredEventAsync(host, id);
        var events = await CountEventsAsync(host);
        var url = $"/api/voice/event?ref={Uri.EscapeDataString(clientRef)}";
        var token = new VoiceCallbackToken(Secret, TimeProvider.System, TimeSpan.FromMinutes(5));

        using (var replay = await PostAsync(host, url, payload, token.Sign(Encoding.UTF8.GetBytes(payload), "simulator", null)))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        Assert.Equal(events, await CountEventsAsync(host));
        var tampered = payload.Replace("\"status\"", "\"status\" ", StringComparison.Ordinal);
        using (var forged = await PostAsync(host, url, tampered, token.Sign(Encoding.UTF8.GetBytes(payload), "simulator", null)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Contains("payload_hash", await forged.Content.ReadAsStringAsync());
        }

        var wrongSecret = new VoiceCallbackToken("another-secret", TimeProvider.System, TimeSpan.FromMinutes(5));
        using (var unsigned = await PostAsync(host, url, payload, wrongSecret.Sign(Encoding.UTF8.GetBytes(payload), "simulator", null)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        using (var keyed = await PostAsync(host, url + $"&code={RunningHost.ApiKey}", payload, null))
        {
            Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        }

        using (var noRef = await PostAsync(host, "/api/voice/event?ref=nonsense", payload, token.Sign(Encoding.UTF8.GetBytes(payload), "simulator", null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noRef.StatusCode);
        }

        Assert.Equal(events, await CountEventsAsync(host));
    }

    private static async Task<HttpResponseMessage> PostAsync(VoiceHost host, string url, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Host.AnonymousClient.SendAsync(request);
    }

    private static async Task<(string ClientRef, string Payload)> OneStoredEventAsync(VoiceHost host, Guid campaignId)
    {
        await using var query = host.Host.Database.DataSource.CreateCommand("""
            SELECT e.client_ref, e.payload::text FROM call_events e JOIN calls c ON c.client_ref = e.client_ref
            WHERE c.campaign_id = @id AND e.status = 'completed' LIMIT 1
            """);
        query.Parameters.AddWithValue("id", campaignId);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no completed event was stored");
        return (reader.GetString(0), reader.GetString(1));
    }

    private static async Task<long> CountEventsAsync(VoiceHost host)
    {
        await using var query = host.Host.Database.DataSource.CreateCommand("SELECT count(*) FROM call_events");
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
