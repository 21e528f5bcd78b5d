namespace MassCampaign.Console.Tests;

/// <summary>Each lifecycle button is enabled only when the campaign state machine would accept its command.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LifecycleButtonTests(ConsoleFixture fixture)
{
    private static readonly string[] Commands = ["start", "pause", "resume", "stop", "resend"];

    [Fact]
    public async Task A_draft_offers_start_and_stop_only_and_a_stopped_campaign_offers_nothing()
    {
        var id = await Campaigns.DraftAsync(fixture.Host, "Buttons", recipients: 3);
        var browser = fixture.SignedIn();
        browser.Open($"/console/campaigns/{id}");

        Assert.Equal(new[] { "start", "stop" }, EnabledCommands(browser));

        browser.Find("#cmd-stop").Click();
        browser.Until(_ => browser.Text("#campaign [data-field='status']") == "stopped", "the campaign stopped");
        Assert.Contains("stop: accepted", browser.Text(".notice"));
        Assert.Empty(EnabledCommands(browser));
        Assert.Empty(browser.FindAll("#upload"));
    }

    [Fact]
    public async Task A_command_the_campaign_cannot_take_shows_the_state_machines_reason()
    {
        var id = await Campaigns.DraftAsync(fixture.Host, "Refusal", recipients: 2);
        var browser = fixture.SignedIn();
        browser.Open($"/console/campaigns/{id}");
        // A second window stopped it meanwhile: the button this page still shows now meets a refusal.
        using (var stop = await fixture.Host.Host.Client.PostAsync($"api/campaigns/{id}/stop", null))
        {
            Assert.True(stop.IsSuccessStatusCode);
        }

        browser.Script("document.getElementById('cmd-start').form.submit();");
        browser.Until(_ => browser.Find(".notice"), "the refusal");
        Assert.Contains("stopped is a final status", browser.Text(".notice"));
    }

    private static List<string> EnabledCommands(Browser browser) =>
        Commands.Where(command => browser.Find($"#cmd-{command}").Enabled).ToList();
}
