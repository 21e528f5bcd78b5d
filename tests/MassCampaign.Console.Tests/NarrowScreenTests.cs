using System.Drawing;
using OpenQA.Selenium;

namespace MassCampaign.Console.Tests;

/// <summary>On a phone-sized window nothing runs off the side and every navigation link stays in reach.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class NarrowScreenTests(ConsoleFixture fixture)
{
    private static readonly Size Phone = new(390, 844);

    [Fact]
    public async Task Every_page_fits_390_pixels_and_keeps_its_navigation_reachable()
    {
        var id = await Campaigns.DraftAsync(fixture.Host, "A campaign with a rather long name to wrap on a phone", recipients: 2);
        var browser = fixture.SignedIn();
        browser.Resize(Phone);
        var width = Convert.ToInt64(browser.Script("return window.innerWidth;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(width, 300, 400);

        foreach (var path in new[] { "/console", "/console/drafts", $"/console/campaigns/{id}", "/console/blacklist", "/console/types" })
        {
            browser.Open(path);
            var overflow = browser.Script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Assert.True(Convert.ToInt64(overflow, System.Globalization.CultureInfo.InvariantCulture) <= 0, $"{path} overflows by {overflow} px");
            foreach (var link in browser.FindAll(".main-nav a"))
            {
                Assert.True(link.Displayed, $"{link.Text} is shown on {path}");
                var right = link.Location.X + link.Size.Width;
                Assert.True(link.Location.X >= 0 && right <= width, $"{link.Text} is within the screen on {path} (x {link.Location.X}..{right})");
            }

            Assert.Equal(4, browser.FindAll(".main-nav a").Count);
            if (path == $"/console/campaigns/{id}")
            {
                Screenshots.Save(browser, "campaign-narrow");
            }
        }

        browser.Find(".main-nav a[href='/console/types']").SendKeys(Keys.Enter);
        browser.Until(_ => browser.Path == "/console/types", "the types page reached from the narrow navigation");
        browser.Resize(Browser.Desktop);
    }
}
