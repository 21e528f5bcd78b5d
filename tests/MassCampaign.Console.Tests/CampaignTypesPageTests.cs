using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace MassCampaign.Console.Tests;

/// <summary>The types page shows each gate's limit with its active and queued campaigns, as the API reports them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CampaignTypesPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Each_gate_shows_its_limit_and_campaigns()
    {
        var api = await fixture.Host.Host.Client.GetFromJsonAsync<JsonElement>("api/campaign-types");
        var browser = fixture.SignedIn();
        browser.Find("a[href='/console/types']").Click();

        foreach (var gate in api.EnumerateArray())
        {
            var type = gate.GetProperty("type").GetString();
            var card = browser.Until(_ => browser.Find($"[data-gate='{type}']"), $"the {type} gate");
            Assert.Equal(gate.GetProperty("limit").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                card.FindElement(By.CssSelector("[data-field='limit']")).Text);
            Assert.Equal(gate.GetProperty("active").GetArrayLength(), card.FindElements(By.CssSelector("[data-field='active'] li")).Count);
            Assert.Equal(gate.GetProperty("queued").GetArrayLength(), card.FindElements(By.CssSelector("[data-field='queued'] li")).Count);
        }

        Assert.Equal(api.GetArrayLength(), browser.FindAll("[data-gate]").Count);
        Screenshots.Save(browser, "types");
    }
}
