using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace MassCampaign.Console.Tests;

/// <summary>
/// Debian's Chromium driven through its chromedriver: headless, and without the sandbox, which cannot start as root
/// (CI runs as root). MC_CHROMIUM and MC_CHROMEDRIVER point elsewhere when the browser lives somewhere else.
/// </summary>
public sealed class Browser : IDisposable
{
    public static readonly Size Desktop = new(1280, 1000);

    private Browser(ChromeDriver driver, Uri baseAddress)
    {
        Driver = driver;
        BaseAddress = baseAddress;
    }

    public ChromeDriver Driver { get; }

    public Uri BaseAddress { get; }

    public static Browser Start(Uri baseAddress)
    {
        var chromium = Environment.GetEnvironmentVariable("MC_CHROMIUM") ?? "/usr/bin/chromium";
        var chromedriver = Environment.GetEnvironmentVariable("MC_CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            $"--window-size={Desktop.Width},{Desktop.Height}", "--lang=en-US");
        var service = ChromeDriverService.CreateDefaultService(System.IO.Path.GetDirectoryName(chromedriver), System.IO.Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new Browser(driver, baseAddress);
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(BaseAddress, path));

    public string Path => new Uri(Driver.Url).AbsolutePath;

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public string Text(string css) => Find(css).Text;

    public void Fill(string css, string text)
    {
        var input = Find(css);
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Waits for the page (pushed updates included) to reach a state; fails with what was awaited.</summary>
    public T Until<T>(Func<IWebDriver, T> condition, string what, int seconds = 20)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = $"Waited {seconds} s for {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    /// <summary>Signs in with the key typed into the form, as an operator would.</summary>
    public void SignIn(string key)
    {
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("/console/sign-in");
        Fill("#key", key);
        Find("#sign-in").Click();
        Until(d => new Uri(d.Url).AbsolutePath == "/console", "the campaign list after sign-in");
    }

    public void Resize(Size size) => Driver.Manage().Window.Size = size;

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
