using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace MassCampaign.Vonage.Tests;

public sealed class VonageServiceCollectionExtensionsTests
{
    [Fact]
    public void Configuration_section_binds_every_option_by_its_documented_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vonage:ApiKey"] = "abcd1234",
            ["Vonage:ApiSecret"] = "secret",
            ["Vonage:SignatureSecret"] = "sig-secret",
            ["Vonage:SignatureMethod"] = "sha256",
            ["Vonage:BaseUrl"] = "http://127.0.0.1:7072",
            ["Vonage:SmsRequestsPerSecond"] = "45",
            ["Vonage:SmsBurst"] = "5",
            ["Vonage:RequestTimeout"] = "00:00:07",
            ["Vonage:SmsMaxAttempts"] = "9",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddVonageSms(configuration.GetSection("Vonage")).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<VonageOptions>>().Value;

        Assert.Equal("abcd1234", options.ApiKey);
        Assert.Equal(VonageSignatureMethod.Sha256, options.SignatureMethod);
        Assert.Equal(new Uri("http://127.0.0.1:7072"), options.BaseUrl);
        Assert.Equal(45, options.SmsRequestsPerSecond);
        Assert.Equal(5, options.SmsBurst);
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.Equal(9, options.SmsMaxAttempts);
        Assert.NotNull(services.GetRequiredService<VonageSmsClient>());
        Assert.Equal(45, Assert.IsType<VonageRateLimiter>(services.GetRequiredService<IRequestRateGate>()).RequestsPerSecond);
    }

    [Fact]
    public void A_rate_gate_registered_first_replaces_the_local_bucket()
    {
        var shared = Mock.Of<IRequestRateGate>();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(shared)
            .AddVonageSms(_ => { })
            .BuildServiceProvider();

        Assert.Same(shared, services.GetRequiredService<IRequestRateGate>());
    }

    [Fact]
    public async Task Every_attempt_waits_for_the_rate_gate()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) =>
            VonageAnswers.Json(response, n == 0 ? VonageAnswers.Status(5, "Internal Error") : VonageAnswers.Accepted));
        var gate = new Mock<IRequestRateGate>();
        gate.Setup(g => g.WaitAsync(It.IsAny<CancellationToken>())).Returns(ValueTask.CompletedTask);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(gate.Object)
            .AddVonageSms(o =>
            {
                o.BaseUrl = vonage.BaseAddress;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            })
            .BuildServiceProvider();

        var result = await services.GetRequiredService<VonageSmsClient>().SendAsync(TestSms.To("447700900600"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        gate.Verify(g => g.WaitAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
