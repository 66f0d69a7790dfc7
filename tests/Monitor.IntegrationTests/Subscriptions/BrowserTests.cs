using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;
using OpenQA.Selenium;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>The pages and a digest in a real headless Chromium, with JavaScript off.</summary>
public sealed class BrowserTests
{
    [Fact]
    public async Task SubscribeFormWorksWithoutJavaScriptAndIsLabelledAndKeyboardReachable()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);
        using var browser = new HeadlessBrowser(javaScript: false);
        var driver = browser.Driver;

        // JavaScript really is off in this browser.
        browser.Open($"{host.BaseUri}assets/site.css");
        driver.Navigate().GoToUrl("data:text/html,<title>static</title><script>document.title='scripted'</script>");
        Assert.Equal("static", driver.Title);

        browser.Open($"{host.BaseUri}subscribe");
        Assert.Equal("Subscribe · Monitor", driver.Title);
        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Empty(driver.FindElements(By.TagName("script")));
        foreach (var input in driver.FindElements(By.CssSelector("input:not([type=hidden]), select")))
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), "a form control without id");
            Assert.True(driver.FindElements(By.CssSelector($"label[for='{id}']")).Count == 1, $"#{id} needs exactly one label");
        }

        Assert.All(driver.FindElements(By.TagName("fieldset")), f => Assert.NotEmpty(f.FindElements(By.TagName("legend"))));
        driver.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        Assert.Equal("Skip to content", driver.SwitchTo().ActiveElement().Text);

        driver.FindElement(By.Id("email")).SendKeys("browser@example.org");
        driver.FindElement(By.CssSelector("label[for='topic-regulation']")).Click();
        driver.FindElement(By.Id("country-KR")).Click();
        driver.FindElement(By.CssSelector("label[for='frequency-weekly']")).Click();
        driver.FindElement(By.CssSelector("#time-zone option[value='Europe/Paris']")).Click();
        browser.Screenshot("subscribe-form");
        browser.ClickAndWaitForNextPage(driver.FindElement(By.CssSelector("button[type=submit]")));

        Assert.EndsWith("/check-inbox", driver.Url, StringComparison.Ordinal);
        Assert.Equal("Check your inbox", driver.FindElement(By.TagName("h1")).Text);
        var subscriber = await SubscriptionWorld.ReloadAsync(host.Services, "browser@example.org");
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal(("regulation", "KR", DigestFrequency.Weekly, "Europe/Paris"), (subscriber.Topics, subscriber.Countries, subscriber.Frequency, subscriber.TimeZone));

        // The confirmation link from the mail, followed in the browser, then the button pressed.
        var mail = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)));
        browser.Open(SubscriptionWorld.Link(mail.TextBody!, "confirm"));
        browser.ClickAndWaitForNextPage(driver.FindElement(By.CssSelector("button[type=submit]")));
        Assert.Equal("You are subscribed", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal(SubscriberStatus.Active, (await SubscriptionWorld.ReloadAsync(host.Services, "browser@example.org")).Status);
    }

    [Fact]
    public async Task DigestRendersInTheBrowserAndItsPreferencesLinkChangesATopic()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);
        await SubscriptionWorld.AddActiveAsync(host.Services, "prefs@example.org", topics: "model");
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
        var digest = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)));
        using var browser = new HeadlessBrowser(javaScript: false);
        var driver = browser.Driver;

        // The HTML part as a mail client would show it.
        var file = Path.Combine(world.Env.Root, "digest.html");
        await File.WriteAllTextAsync(file, digest.HtmlBody);
        browser.OpenFile(file);
        browser.Screenshot("digest");
        Assert.Equal("Monitor daily digest", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal(["National models"], driver.FindElements(By.TagName("h2")).Select(h => h.Text));
        var title = driver.FindElement(By.LinkText("Japan releases a national large language model for government use"));
        Assert.Equal($"{world.Web.BaseUri}j1.html", title.GetAttribute("href"));
        Assert.Contains("Policy Wire (International bodies)", driver.FindElement(By.CssSelector("td.item")).Text, StringComparison.Ordinal);
        Assert.StartsWith("Why it matched: mentions", driver.FindElement(By.CssSelector(".why")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("learned", driver.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);
        Assert.Empty(driver.FindElements(By.TagName("script")));
        var preferences = driver.FindElement(By.LinkText("Manage preferences")).GetAttribute("href")!;

        // Its preferences link: model is ticked; tick safety and save.
        browser.Open(preferences);
        Assert.Equal("Your preferences", driver.FindElement(By.TagName("h1")).Text);
        Assert.True(driver.FindElement(By.Id("topic-model")).Selected);
        Assert.False(driver.FindElement(By.Id("topic-safety")).Selected);
        driver.FindElement(By.CssSelector("label[for='topic-safety']")).Click();
        browser.ClickAndWaitForNextPage(driver.FindElement(By.CssSelector("button[type=submit]")));

        Assert.Contains("Your preferences are saved", driver.FindElement(By.CssSelector("[role=status]")).Text, StringComparison.Ordinal);
        Assert.True(driver.FindElement(By.Id("topic-safety")).Selected);
        Assert.Equal("model safety", (await SubscriptionWorld.ReloadAsync(host.Services, "prefs@example.org")).Topics);
    }
}
