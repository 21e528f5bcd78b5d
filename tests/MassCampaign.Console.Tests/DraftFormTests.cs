namespace MassCampaign.Console.Tests;

/// <summary>The draft form shows the API's own validation errors next to the fields they are about.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DraftFormTests(ConsoleFixture fixture)
{
    [Fact]
    public void Errors_of_a_refused_draft_appear_next_to_their_fields_and_the_input_is_kept()
    {
        var browser = fixture.SignedIn();
        browser.Open("/console/drafts");
        browser.Fill("#from", "AcmeShop");
        browser.Fill("#timeZone", "Mars/Olympus_Mons");
        browser.Find("#save").Click();

        browser.Until(_ => browser.Find("#error-summary"), "the error summary");
        Assert.Equal("/console/drafts", browser.Path);
        Assert.Contains("A name is required", browser.Text("#name-error"));
        Assert.Equal("true", browser.Find("#name").GetDomAttribute("aria-invalid"));
        Assert.Equal("name-error", browser.Find("#name").GetDomAttribute("aria-describedby"));
        Assert.Contains("smsTemplate", browser.Text("#smsTemplate-error"));
        Assert.Contains("Mars/Olympus_Mons", browser.Text("#timeZone-error"));
        Assert.Equal("AcmeShop", browser.Find("#from").GetDomProperty("value"));
        Assert.Empty(browser.FindAll("#from-error"));
        Assert.Equal("error-summary", browser.Script("return document.activeElement.id;"));
        Screenshots.Save(browser, "validation-errors");
    }

    [Fact]
    public async Task A_draft_is_edited_through_the_same_checks_and_saved()
    {
        var id = await Campaigns.DraftAsync(fixture.Host, "Autumn sale");
        var browser = fixture.SignedIn();
        browser.Open($"/console/campaigns/{id}");
        browser.Find("#edit-draft").Click();
        Assert.Equal("Autumn sale", browser.Find("#name").GetDomProperty("value"));

        browser.Fill("#from", "this sender is far too long");
        browser.Find("#save").Click();
        Assert.Contains("is not a valid sender", browser.Until(_ => browser.Find("#from-error"), "the sender error").Text);

        browser.Fill("#from", "Acme");
        browser.Fill("#name", "Autumn sale, final");
        browser.Find("#save").Click();
        browser.Until(_ => browser.Path == $"/console/campaigns/{id}", "the campaign page after saving");
        Assert.Equal("Autumn sale, final", browser.Text("h1"));
        Assert.Contains("from Acme", browser.Text(".meta"));
    }
}
