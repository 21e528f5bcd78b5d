namespace MassCampaign.Console.Tests;

/// <summary>Searching, adding and removing blacklist entries from the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BlacklistPageTests(ConsoleFixture fixture)
{
    [Fact]
    public void A_number_is_added_found_by_part_of_it_and_removed()
    {
        var phone = ConsoleHost.NewPhone();
        var browser = fixture.SignedIn();
        browser.Find("a[href='/console/blacklist']").Click();

        browser.Fill("#phone", phone);
        browser.Fill("#reason", "Asked by phone");
        browser.Find("#add").Click();
        Assert.Contains($"{phone} added to the blacklist", browser.Until(_ => browser.Find(".notice"), "the add notice").Text);

        browser.Fill("#q", phone[^7..]);
        browser.Find("#search").Click();
        var row = browser.Until(_ => browser.Find($"tr[data-phone='{phone}']"), "the entry among the results");
        Assert.Contains("operator", row.Text);
        Assert.Contains("Asked by phone", row.Text);
        Screenshots.Save(browser, "blacklist");

        browser.Fill("#q", "0000000000");
        browser.Find("#search").Click();
        browser.Until(_ => browser.Find("#no-entries"), "no match for other digits");

        browser.Fill("#q", phone[^7..]);
        browser.Find("#search").Click();
        browser.Find($"button[aria-label='Remove {phone}']").Click();
        Assert.Contains($"{phone} removed", browser.Until(_ => browser.Find(".notice"), "the removal notice").Text);
        Assert.Empty(browser.FindAll($"tr[data-phone='{phone}']"));
    }

    [Fact]
    public void A_number_that_is_not_one_gets_the_apis_reason_next_to_the_field()
    {
        var browser = fixture.SignedIn();
        browser.Open("/console/blacklist");
        browser.Fill("#phone", "12ab");
        browser.Find("#add").Click();

        Assert.Contains("is not a usable phone number", browser.Until(_ => browser.Find("#phone-error"), "the phone error").Text);
        Assert.Equal("true", browser.Find("#phone").GetDomAttribute("aria-invalid"));
        Assert.Equal("12ab", browser.Find("#phone").GetDomProperty("value"));
    }
}
