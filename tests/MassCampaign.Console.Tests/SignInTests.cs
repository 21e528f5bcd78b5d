using System.Net;
using MassCampaign.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace MassCampaign.Console.Tests;

/// <summary>Signing in with an API key, by keyboard alone; the session cookie is HttpOnly and opens nothing under /api.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public void An_operator_signs_in_with_the_keyboard_alone()
    {
        var browser = fixture.Browser;
        browser.Resize(Browser.Desktop);
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.Open("/console");
        browser.Until(_ => browser.Path == "/console/sign-in", "the redirect to sign-in");
        Assert.Equal("key", browser.Script("return document.activeElement.id;"));

        Press(browser, "wrong-key", Keys.Tab);
        Assert.Equal("sign-in", browser.Script("return document.activeElement.id;"));
        Press(browser, Keys.Enter);
        Assert.Contains("not one of the host's API keys", browser.Until(_ => browser.Find("#key-error"), "the refusal").Text);
        Assert.Equal("key", browser.Script("return document.activeElement.id;"));
        Screenshots.Save(browser, "sign-in");

        Press(browser, RunningHost.ApiKey, Keys.Enter);
        browser.Until(_ => browser.Path == "/console", "the campaign list");

        Press(browser, Keys.Tab);
        Assert.Equal("Skip to main content", browser.Script("return document.activeElement.textContent.trim();"));
        Press(browser, Keys.Enter);
        Assert.Equal("main", browser.Script("return document.activeElement.id;"));
    }

    /// <summary>Keys typed into whatever has the focus, as a keyboard would.</summary>
    private static void Press(Browser browser, params string[] keys)
    {
        var actions = new Actions(browser.Driver);
        foreach (var key in keys)
        {
            actions.SendKeys(key);
        }

        actions.Perform();
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_strict_and_no_key_for_the_api()
    {
        var browser = fixture.SignedIn();
        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed("mc_console");
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.Equal("/console", cookie.Path);
        Assert.Null(browser.Script("return document.cookie.includes('mc_console') ? 'visible' : null;"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Host.BaseAddress, "api/campaigns"));
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await fixture.Host.Host.AnonymousClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var events = await fixture.Host.Host.AnonymousClient.GetAsync("console/events/campaigns", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
    }
}
