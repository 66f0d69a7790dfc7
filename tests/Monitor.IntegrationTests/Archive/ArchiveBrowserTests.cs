using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.IntegrationTests.Subscriptions;
using Monitor.Worker.Crawling;
using OpenQA.Selenium;

namespace Monitor.IntegrationTests.Archive;

/// <summary>The archive in a real headless Chromium with JavaScript off, on what a real crawl of a loopback feed stored:
/// filter by topic, open a story, follow it to its country.</summary>
public sealed class ArchiveBrowserTests
{
    [Fact]
    public async Task FilterOpenAStoryAndFollowItToItsCountry()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        using var browser = new HeadlessBrowser(javaScript: false);
        var driver = browser.Driver;

        browser.Open(host.BaseUri.AbsoluteUri);
        Assert.Equal("Archive · Monitor", driver.Title);
        Assert.Empty(driver.FindElements(By.TagName("script")));
        Assert.Equal(3, driver.FindElements(By.CssSelector(".story")).Count);
        foreach (var input in driver.FindElements(By.CssSelector("form.filters input, form.filters select")))
        {
            Assert.Single(driver.FindElements(By.CssSelector($"label[for='{input.GetAttribute("id")}']")));
        }

        driver.FindElement(By.CssSelector("#topic option[value='regulation']")).Click();
        browser.Screenshot("archive-filter");
        browser.ClickAndWaitForNextPage(driver.FindElement(By.CssSelector("form.filters button[type=submit]")));
        Assert.Contains("topic=regulation", driver.Url, StringComparison.Ordinal);
        var titles = driver.FindElements(By.CssSelector(".story h2 a")).Select(a => a.Text).ToList();
        Assert.Contains("Korea finalises the enforcement decree of the AI Basic Act", titles);
        Assert.DoesNotContain("Japan releases a national large language model for government use", titles);
        Assert.Equal("regulation", driver.FindElement(By.CssSelector("#topic option[selected]")).GetAttribute("value"));

        browser.ClickAndWaitForNextPage(driver.FindElement(By.LinkText("Korea finalises the enforcement decree of the AI Basic Act")));
        Assert.Matches("/stories/[0-9]+$", driver.Url);
        Assert.Equal("Korea finalises the enforcement decree of the AI Basic Act", driver.FindElement(By.TagName("h1")).Text);
        Assert.Contains("Why it matched:", driver.FindElement(By.CssSelector(".report .why")).Text, StringComparison.Ordinal);
        browser.Screenshot("archive-story");

        browser.ClickAndWaitForNextPage(driver.FindElement(By.CssSelector(".facts a[href='/countries/KR']")));
        Assert.EndsWith("/countries/KR", driver.Url, StringComparison.Ordinal);
        Assert.Equal("South Korea", driver.FindElement(By.TagName("h1")).Text);
        Assert.Contains("Korea finalises the enforcement decree of the AI Basic Act", driver.FindElements(By.CssSelector(".story h2 a")).Select(a => a.Text));
        browser.Screenshot("archive-country");

        // The feed links the page advertises answer with feeds.
        var atom = driver.FindElement(By.CssSelector("link[type='application/atom+xml']")).GetAttribute("href");
        using var feed = await host.Client.GetAsync(new Uri(host.BaseUri, atom!));
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
    }
}
