using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>One test's world for the subscriber side: a feed of three stories (Korea, Japan, EU) on loopback HTTP, a
/// loopback SMTP server, the test's own database and config.</summary>
public sealed partial class SubscriptionWorld : IAsyncDisposable
{
    private SubscriptionWorld(TestEnvironment env, LoopbackHttpServer web, LoopbackSmtpServer smtp)
    {
        Env = env;
        Web = web;
        Smtp = smtp;
    }

    public TestEnvironment Env { get; }

    public LoopbackHttpServer Web { get; }

    public LoopbackSmtpServer Smtp { get; }

    public static async Task<SubscriptionWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var env = new TestEnvironment(provider);
        var web = await LoopbackHttpServer.StartAsync();
        var smtp = LoopbackSmtpServer.Start();
        env.UseSmtp(smtp);
        env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("k-1", "Korea finalises the enforcement decree of the AI Basic Act", "/k1.html", "Thu, 19 Nov 2026 12:00:00 +0900",
                "The Ministry of Science and ICT finalised the enforcement decree of the AI Basic Act. It regulates high-impact artificial intelligence and sets duties for generative AI providers."),
            ("j-1", "Japan releases a national large language model for government use", "/j1.html", "Thu, 19 Nov 2026 10:00:00 +0900",
                "The Digital Agency released a national large language model trained on Japanese government documents. The sovereign AI model will be used across ministries."),
            ("e-1", "Commission publishes guidelines for general-purpose AI models under the AI Act", "/e1.html", "Wed, 18 Nov 2026 10:00:00 +0100",
                "The European Commission published guidelines for providers of general-purpose AI models under the AI Act. The obligations apply from August.")));
        env.WriteSources($"""
            sources:
              - id: wire
                name: Policy Wire
                url: {web.Url("/feed.xml")}
                kind: feed
                country: INT
                language: en
            """);
        return new SubscriptionWorld(env, web, smtp);
    }

    /// <summary>Adds an active subscriber directly (as <c>subscribers add --confirmed</c> would).</summary>
    public static async Task<Subscriber> AddActiveAsync(IServiceProvider services, string email, string topics = "", string countries = "")
    {
        var subscriber = new Subscriber
        {
            Email = email,
            EmailKey = SubscriberRules.Key(email),
            Status = SubscriberStatus.Active,
            Origin = SubscriberOrigin.Cli,
            TokenStamp = SubscriberRules.NewStamp(),
            Topics = topics,
            Countries = countries,
            SendHour = 0,
        };
        Assert.True(await services.GetRequiredService<SubscriberStore>().SaveAsync(subscriber, CancellationToken.None));
        return subscriber;
    }

    /// <summary>The subscriber row now.</summary>
    public static async Task<Subscriber> ReloadAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<SubscriberStore>().FindAsync(email, CancellationToken.None))!;

    /// <summary>The first link to <paramref name="path"/> in <paramref name="text"/>.</summary>
    public static string Link(string text, string path)
    {
        var match = Regex.Match(text, $@"https?://[^\s""<>]+/{Regex.Escape(path)}\?token=[A-Za-z0-9_%\-]+");
        Assert.True(match.Success, $"no /{path} link in:\n{text}");
        return match.Value;
    }

    /// <summary>The https address of the List-Unsubscribe header.</summary>
    public static string OneClickLink(MimeKit.MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        var match = HttpInAngles().Match(header ?? "");
        Assert.True(match.Success, $"List-Unsubscribe has no http address: {header}");
        return match.Groups[1].Value;
    }

    public MonitorDbContextFactory Database => Env.Factory();

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Smtp.DisposeAsync();
        Env.Dispose();
    }

    [GeneratedRegex("<(https?://[^>]+)>")]
    private static partial Regex HttpInAngles();
}
