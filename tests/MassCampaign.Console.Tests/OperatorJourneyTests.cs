using System.Globalization;
using System.Net;
using System.Text;
using MassCampaign.Testing;
using OpenQA.Selenium;

namespace MassCampaign.Console.Tests;

/// <summary>An operator's whole run of a campaign in the browser, against the real host and the Simulator.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OperatorJourneyTests(ConsoleFixture fixture)
{
    private const int Valid = 60;

    [Fact]
    public async Task An_operator_creates_uploads_starts_pauses_resumes_sees_a_stop_and_exports()
    {
        var browser = fixture.SignedIn();

        // Create the draft through the form.
        browser.Find("#nav-new").Click();
        browser.Fill("#name", "Spring sale");
        browser.Fill("#from", "AcmeShop");
        browser.Fill("#smsTemplate", "Hi {{first_name|there}}, 20% off this week. Reply STOP to opt out.");
        foreach (var day in browser.FindAll("input[name='Form.Days']"))
        {
            day.Click();
        }

        browser.Fill("#start", "00:00");
        browser.Fill("#end", "23:59");
        browser.Fill("#timeZone", Campaigns.OpenZone);
        Screenshots.Save(browser, "new-campaign");
        browser.Find("#save").Click();
        browser.Until(d => browser.Path.StartsWith("/console/campaigns/", StringComparison.Ordinal), "the new campaign's page");
        var id = Guid.Parse(browser.Path["/console/campaigns/".Length..]);
        Assert.Equal("draft", browser.Text("#campaign [data-field='status']"));

        // Upload a CSV with three bad rows among the good ones.
        var phones = Enumerable.Range(0, Valid).Select(_ => ConsoleHost.NewPhone()).ToList();
        var csv = new StringBuilder("phone,first_name,city\n");
        for (var i = 0; i < phones.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{phones[i]},Guest{i},Boston\n");
            if (i == 10)
            {
                csv.Append("not-a-number,Bad,Nowhere\n");
            }
        }

        csv.Append("12,Short,Nowhere\n").Append(",Empty,Nowhere\n");
        var file = Path.Combine(Path.GetTempPath(), $"contacts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        browser.Find("#csv").SendKeys(file);
        browser.Find("#upload-button").Click();
        var summary = browser.Until(_ => browser.Find("#upload-summary"), "the import summary");
        Assert.Equal($"Imported {Valid}, duplicates 0, rejected 3.", summary.Text);
        Assert.Equal("100", browser.Find("#upload-bar").GetDomProperty("value"));
        var rejected = browser.FindAll("#rejected tbody tr");
        Assert.Equal(3, rejected.Count);
        Assert.Contains("not-a-number", rejected[0].Text);
        Screenshots.Save(browser, "upload");

        // Start, then pause while it runs.
        browser.Find("#cmd-start").Click();
        browser.Until(_ => Percent(browser) > 0 && Percent(browser) < 100, "progress pushed while the campaign runs");
        browser.Find("#cmd-pause").Click();
        browser.Until(_ => browser.Text("#campaign [data-field='status']") == "paused", "the campaign paused");
        var atPause = Percent(browser);
        Assert.True(atPause < 100, $"the pause came mid-run, at {atPause}%");
        Assert.False(browser.Find("#cmd-pause").Enabled);
        Assert.True(browser.Find("#cmd-resume").Enabled);
        Assert.False(browser.Find("#cmd-start").Enabled);

        // Resume and watch the bar reach 100% without reloading the page.
        browser.Find("#cmd-resume").Click();
        browser.Until(_ => browser.Text("#campaign [data-field='status']") == "running" || Percent(browser) == 100, "the campaign resumed");
        browser.Script("window.stillTheSamePage = true;");
        browser.Until(_ => Percent(browser) == 100 && browser.Text("#campaign [data-field='status']") == "completed",
            "the progress bar at 100% and the campaign completed", seconds: 60);
        Assert.Equal(Valid.ToString(CultureInfo.InvariantCulture), browser.Text("#campaign [data-field='total']"));
        Assert.True(browser.Find("#cmd-resend").Enabled);
        Assert.False(browser.Find("#cmd-stop").Enabled);

        // A STOP arrives through the Simulator and shows up on the open page.
        await fixture.Host.SendInboundAsync(phones[0], "AcmeShop", "STOP");
        var stopRow = browser.Until(_ => browser.FindAll("#replies tbody tr").FirstOrDefault(r => r.Text.Contains("STOP", StringComparison.Ordinal)),
            "the STOP reply pushed to the page")!;
        Assert.Contains("opt_out", stopRow.Text);
        Assert.Contains(phones[0], stopRow.Text);
        Assert.True(browser.Script("return window.stillTheSamePage === true;") is true, "the page was never reloaded");
        browser.Until(_ => browser.Text("[data-field='opt-outs']") == "1", "the opt-out count");
        Screenshots.Save(browser, "campaign");

        // Export: the link the page offers, fetched with the browser's own session cookie.
        var href = browser.Find("#export").GetDomProperty("href")!;
        var exported = await DownloadAsync(href);
        var lines = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("phone", lines[0], StringComparison.Ordinal);
        Assert.Equal(Valid, lines.Length - 1);
        Assert.All(phones, phone => Assert.Contains(phone, exported));

        // Opened afresh, the page draws the run so far: the funnel from the counts, the throughput from the send times.
        browser.Open($"/console/campaigns/{id}");
        var funnel = (IReadOnlyCollection<object>)browser.Script("return Chart.getChart('funnel-chart').data.datasets[0].data;")!;
        Assert.Equal(Valid, funnel.Take(3).Sum(count => Convert.ToInt64(count, CultureInfo.InvariantCulture)));
        var history = Convert.ToInt64(browser.Script("return Chart.getChart('throughput-chart').data.datasets[0].data.length;"), CultureInfo.InvariantCulture);
        Assert.True(history > 0, "the throughput chart starts from the run's history");

        browser.Open("/console");
        var row = browser.Find($"tr[data-campaign='{id}']");
        Assert.Equal("completed", row.FindElement(By.CssSelector("[data-field='status']")).Text);
        Assert.Equal("100", row.FindElement(By.CssSelector("[role='progressbar']")).GetDomAttribute("aria-valuenow"));
        Screenshots.Save(browser, "campaigns");
    }

    private static int Percent(Browser browser) =>
        int.Parse(browser.Find("#campaign [role='progressbar']").GetDomAttribute("aria-valuenow")!, CultureInfo.InvariantCulture);

    private async Task<string> DownloadAsync(string href)
    {
        var cookie = fixture.Browser.Driver.Manage().Cookies.GetCookieNamed("mc_console");
        Assert.NotNull(cookie);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
