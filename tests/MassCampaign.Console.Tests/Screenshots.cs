using OpenQA.Selenium;

namespace MassCampaign.Console.Tests;

/// <summary>Saves what the browser shows as docs/screenshots/NAME.png when MC_SCREENSHOTS_DIR is set, for the README.</summary>
public static class Screenshots
{
    public static void Save(Browser browser, string name)
    {
        if (Environment.GetEnvironmentVariable("MC_SCREENSHOTS_DIR") is not { Length: > 0 } dir)
        {
            return;
        }

        Directory.CreateDirectory(dir);
        // The whole page rather than the window: Chromium's DevTools capture beyond the viewport.
        var page = (long)browser.Script("return Math.ceil(document.documentElement.scrollHeight);")!;
        var size = browser.Driver.Manage().Window.Size;
        browser.Resize(new System.Drawing.Size(size.Width, (int)Math.Min(Math.Max(page + 140, size.Height), 4000)));
        ((ITakesScreenshot)browser.Driver).GetScreenshot().SaveAsFile(Path.Combine(dir, $"{name}.png"));
        browser.Resize(size);
    }
}
