using System.Net;
using System.Text.RegularExpressions;
using MassCampaign.Host.OperatorConsole;
using MassCampaign.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MassCampaign.Host.Tests.Console;

/// <summary>
/// The console's cookie across hosts and key changes, on real hosts over real PostgreSQL and Redis: another host of the
/// cluster reads it, and a host whose Auth:Keys no longer hold the key it was opened with refuses it.
/// </summary>
public sealed partial class ConsoleSessionTests
{
    private const string RemovedKey = "key-to-be-removed";

    [Fact]
    public async Task A_session_opens_the_console_on_every_host_until_its_key_is_removed()
    {
        var withBothKeys = new Dictionary<string, string?> { ["Auth:Keys:1"] = RemovedKey };
        string cookie;
        await using (var first = await RunningHost.StartAsync(withBothKeys))
        {
            cookie = await SignInAsync(first, RemovedKey);
            Assert.Equal(HttpStatusCode.OK, await OpenConsoleAsync(first, cookie));
            await AssertKeyRingIsInRedisAsync(first);

            await using var second = await RunningHost.StartAsync(withBothKeys);
            Assert.Equal(HttpStatusCode.OK, await OpenConsoleAsync(second, cookie));
        }

        // The same cookie, hours from expiry, at a host restarted without that key: back to sign-in.
        await using var restarted = await RunningHost.StartAsync();
        Assert.Equal(HttpStatusCode.Redirect, await OpenConsoleAsync(restarted, cookie));
        var fresh = await SignInAsync(restarted, RunningHost.ApiKey);
        Assert.Equal(HttpStatusCode.OK, await OpenConsoleAsync(restarted, fresh));
    }

    /// <summary>Every key the host encrypts cookies with is in the Redis list, where the cluster's other hosts read it.</summary>
    private static async Task AssertKeyRingIsInRedisAsync(RunningHost host)
    {
        var keys = host.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.NotEmpty(keys);
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var stored = string.Join('\n', (await redis.ListRangeAsync(ConsoleSession.KeyRingRedisKey)).Select(value => value.ToString()));
        Assert.All(keys, key => Assert.Contains($"id=\"{key.KeyId}\"", stored, StringComparison.Ordinal));
    }

    /// <summary>Signs in as the sign-in form does (antiforgery token included) and returns the console cookie's value.</summary>
    private static async Task<string> SignInAsync(RunningHost host, string key)
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false })
        {
            BaseAddress = host.BaseAddress,
        };
        var form = await client.GetStringAsync("console/sign-in");
        var token = AntiforgeryField().Match(form).Groups["token"].Value;
        Assert.NotEmpty(token);

        using var posted = await client.PostAsync("console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var session = jar.GetCookies(new Uri(host.BaseAddress, "console"))["mc_console"];
        Assert.NotNull(session);
        return session.Value;
    }

    private static async Task<HttpStatusCode> OpenConsoleAsync(RunningHost host, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = host.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "console");
        request.Headers.Add("Cookie", $"mc_console={cookie}");
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
