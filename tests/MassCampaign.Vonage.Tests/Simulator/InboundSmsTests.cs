using System.Net;
using System.Net.Http.Json;
using MassCampaign.Simulator.Control;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary><c>POST /_sim/inbound</c> over HTTP, delivered to a real listener as Vonage's inbound webhook.</summary>
public sealed class InboundSmsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Long_inbound_text_arrives_as_signed_parts_sharing_a_concat_ref()
    {
        await using var host = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.InboundUrl = host.Url("api/sms/inbound?code=dev-key").AbsoluteUri;
            o.SignatureSecret = "in-secret";
            o.SignatureMethod = VonageSignatureMethod.Sha512;
        });
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var response = await http.PostAsJsonAsync("_sim/inbound", new { from = "+15550100001", to = "15550199999", text = TestSms.ThreePartText });
        var delivery = await response.Content.ReadFromJsonAsync<InboundDelivery>();
        var posts = await host.WaitForAsync(3, Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, delivery!.Parts.Count);
        Assert.All(delivery.Parts, p => Assert.Equal(200, p.HttpStatus));
        var verifier = new VonageSignature("in-secret", VonageSignatureMethod.Sha512, TimeProvider.System, TimeSpan.FromMinutes(5));
        Assert.All(posts, p => Assert.Equal(SignatureCheck.Valid, verifier.Verify(p.Fields.Where(f => f.Key != "code").ToDictionary())));
        var parts = posts.Select(p => InboundSmsParser.Parse(p.Fields).Value!).OrderBy(p => p.Concat!.Part).ToList();
        Assert.Equal([1, 2, 3], parts.Select(p => p.Concat!.Part));
        Assert.Single(parts.Select(p => p.Concat!.Reference).Distinct());
        Assert.All(parts, p =>
        {
            Assert.Equal(3, p.Concat!.Total);
            Assert.Equal("15550100001", p.From);
            Assert.Equal("15550199999", p.To);
            Assert.Equal("text", p.Type);
            Assert.Equal("LOREM", p.Keyword);
        });
        Assert.Equal(TestSms.ThreePartText, string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(3, parts.Select(p => p.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Short_unicode_reply_is_one_unsigned_part_without_concat_fields()
    {
        await using var host = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var response = await http.PostAsJsonAsync(
            "_sim/inbound", new { from = "15550100002", to = "15550199999", text = "Стоп", url = host.Url("in").AbsoluteUri });
        var post = Assert.Single(await host.WaitForAsync(1, Patience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sms = InboundSmsParser.Parse(post.Fields).Value!;
        Assert.Equal("Стоп", sms.Text);
        Assert.Equal("unicode", sms.Type);
        Assert.Null(sms.Concat);
        Assert.DoesNotContain("sig", post.Fields.Keys);
        Assert.Equal(1, simulator.GetStats().InboundSent);
    }

    [Fact]
    public async Task Inbound_without_any_url_is_a_conflict()
    {
        await using var simulator = await SimulatorStart.OnFreePortAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var response = await http.PostAsJsonAsync("_sim/inbound", new { from = "15550100003", to = "15550199999", text = "Hi" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Inbound_without_text_is_a_bad_request()
    {
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => o.InboundUrl = "http://127.0.0.1:9/in");
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var response = await http.PostAsJsonAsync("_sim/inbound", new { from = "15550100004", to = "15550199999", text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
