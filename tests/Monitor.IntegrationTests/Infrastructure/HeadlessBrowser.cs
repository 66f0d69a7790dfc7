using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by its chromedriver (Selenium WebDriver), headless, as root, in a fresh profile, with the
/// background services that try the network turned off. <c>.ci/run</c> installs both packages. Optionally with
/// JavaScript disabled, to show pages work without it.
/// </summary>
public sealed class HeadlessBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "monitor-chromium-" + Guid.NewGuid().ToString("n"));

    public HeadlessBrowser(bool javaScript = true)
    {
        Assert.True(File.Exists(ChromiumPath) && File.Exists(DriverPath),
            "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does this)");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--window-size=1280,1600", $"--user-data-dir={_profile}");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Opens <paramref name="url"/>.</summary>
    public void Open(string url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Opens a file (e.g. a digest's HTML part written to disk).</summary>
    public void OpenFile(string path) => Driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);

    /// <summary>Clicks <paramref name="element"/> (a submit button or link) and waits until the next page replaced this one.</summary>
    public void ClickAndWaitForNextPage(IWebElement element)
    {
        var page = Driver.FindElement(By.TagName("html"));
        element.Click();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                _ = page.Enabled;
            }
            catch (StaleElementReferenceException)
            {
                return;
            }
            catch (UnknownErrorException ex) when (ex.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromedriver's other way of saying the same, when the old document is torn down during the call
                // (seen once in CI on 2026-12-07): the page was replaced.
                return;
            }

            Thread.Sleep(25);
        }

        throw new TimeoutException("the page did not change within 30 s");
    }

    /// <summary>Saves a screenshot under the test output folder (an artefact, never an assertion).</summary>
    public void Screenshot(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(directory, name + ".png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
