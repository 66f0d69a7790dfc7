using Microsoft.Extensions.Configuration;
using Monitor.Worker.Configuration;

namespace Monitor.Tests.Config;

public sealed class SettingsValidatorTests
{
    private const string Subscriber = "Monitor:Digest:Subscribers:0";

    /// <summary>Settings that are valid on their own; rows add or override keys ("key=value", an empty value clears it).</summary>
    private static IConfiguration Settings(params string[] pairs)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Monitor"] = "Data Source=data/monitor.db",
        };
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            values[parts[0]] = parts[1];
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public void DefaultsWithAConnectionStringAreValid()
    {
        Assert.Empty(SettingsValidator.Validate(Settings()));
    }

    [Theory]
    [InlineData("Monitor:Smtp:Port=465", "Monitor:Smtp:Security=SslOnConnect")]
    [InlineData("Monitor:Smtp:Port=587", "Monitor:Smtp:Security=StartTls")]
    [InlineData("Monitor:Smtp:Port=25", "Monitor:Smtp:Security=None")]
    [InlineData("Monitor:Smtp:Port=25", "Monitor:Smtp:Security=StartTlsWhenAvailable")]
    [InlineData("Monitor:Smtp:Port=2525", "Monitor:Smtp:Security=Auto")]
    [InlineData("Monitor:Smtp:UserName=digest", "Monitor:Smtp:Password=secret")]
    public void AcceptsPortSecurityPairsAndCredentialsTheMailKitFaqRecommends(string first, string second)
    {
        Assert.Empty(SettingsValidator.Validate(Settings("Monitor:Smtp:Host=smtp.example.org", first, second)));
    }

    [Fact]
    public void AcceptsAWellFormedSubscriber()
    {
        var configuration = Settings(
            $"{Subscriber}:Email=analyst@example.org",
            $"{Subscriber}:Topics:0=regulation",
            $"{Subscriber}:Topics:1=data-talent",
            $"{Subscriber}:Countries:0=JP",
            $"{Subscriber}:Countries:1=EU",
            $"{Subscriber}:Frequency=Weekly",
            $"{Subscriber}:SendHour=23",
            $"{Subscriber}:TimeZone=Asia/Tokyo",
            $"{Subscriber}:MinScore=0.7");

        Assert.Empty(SettingsValidator.Validate(configuration));
    }

    [Theory]
    [InlineData("Monitor:Smtp:Port=587|Monitor:Smtp:Security=SslOnConnect", "Monitor:Smtp", "Security", "SslOnConnect on port 587")]
    [InlineData("Monitor:Smtp:Port=25|Monitor:Smtp:Security=SslOnConnect", "Monitor:Smtp", "Security", "SslOnConnect on port 25")]
    [InlineData("Monitor:Smtp:Port=465|Monitor:Smtp:Security=StartTls", "Monitor:Smtp", "Security", "port 465 expects TLS on connect")]
    [InlineData("Monitor:Smtp:UserName=digest", "Monitor:Smtp", "UserName/Password", "set both or neither")]
    [InlineData("Monitor:Smtp:Password=secret", "Monitor:Smtp", "UserName/Password", "set both or neither")]
    [InlineData("Monitor:Smtp:Port=0", "Monitor:Smtp", "Port", "between 1 and 65535")]
    [InlineData("Monitor:Smtp:Port=70000", "Monitor:Smtp", "Port", "between 1 and 65535")]
    [InlineData("ConnectionStrings:Monitor=", "ConnectionStrings", "Monitor", "missing")]
    [InlineData("Monitor:Scheduling:DefaultCrawlSchedule=0 0 * * *", "Monitor:Scheduling", "DefaultCrawlSchedule", "not a valid Quartz cron expression")]
    [InlineData("Monitor:Scheduling:DigestSchedule=every 15 minutes", "Monitor:Scheduling", "DigestSchedule", "not a valid Quartz cron expression")]
    [InlineData("Monitor:Scheduling:JitterSeconds=-1", "Monitor:Scheduling", "JitterSeconds", "between 0 and 3600")]
    [InlineData("Monitor:Digest:From=not-an-address", "Monitor:Digest", "From", "e-mail address")]
    [InlineData("Monitor:Digest:MaxItems=0", "Monitor:Digest", "MaxItems", "between 1 and 1000")]
    [InlineData("Monitor:Digest:MinScore=1.5", "Monitor:Digest", "MinScore", "between 0 and 1")]
    [InlineData("Monitor:Crawling:TimeoutSeconds=0", "Monitor:Crawling", "TimeoutSeconds", "between 1 and 300")]
    [InlineData("Monitor:Crawling:UserAgent=", "Monitor:Crawling", "UserAgent", "required")]
    [InlineData($"{Subscriber}:Email=not-an-address", Subscriber, "Email", "'not-an-address' is not an email address")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:Topics:0=weather", Subscriber, "Topics", "unknown topic 'weather'")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:Countries:0=UK", Subscriber, "Countries", "unknown country code 'UK'")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:TimeZone=Mars/Base_Alpha", Subscriber, "TimeZone", "'Mars/Base_Alpha' is not a known time zone id")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:SendHour=24", Subscriber, "SendHour", "between 0 and 23")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:SendHour=-1", Subscriber, "SendHour", "between 0 and 23")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:MinScore=1.2", Subscriber, "MinScore", "between 0 and 1")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:Languages:0=English", Subscriber, "Languages", "'English' is not a language tag")]
    [InlineData($"{Subscriber}:Email=a@example.org|{Subscriber}:Frequency=Hourly", "Monitor:Digest", "Subscribers:0:Frequency", "Hourly")]
    [InlineData("Monitor:Subscriptions:PublicBaseUrl=ftp://monitor.example.org/", "Monitor:Subscriptions", "PublicBaseUrl", "is not an http(s) address")]
    [InlineData("Monitor:Subscriptions:PublicBaseUrl=https://monitor.example.org/?x=1", "Monitor:Subscriptions", "PublicBaseUrl", "is not an http(s) address")]
    [InlineData("Monitor:Subscriptions:BounceLimit=0", "Monitor:Subscriptions", "BounceLimit", "between 1 and 100")]
    [InlineData("Monitor:Subscriptions:UnsubscribeMailbox=nobody", "Monitor:Subscriptions", "UnsubscribeMailbox", "'nobody' is not an email address")]
    [InlineData("Monitor:Subscriptions:ListId=not a list id", "Monitor:Subscriptions", "ListId", "RFC 2919")]
    [InlineData("Monitor:Smtp:Connections=0", "Monitor:Smtp", "Connections", "between 1 and 16")]
    public void ReportsEachProblemWithSectionAndField(string pairs, string entry, string field, string message)
    {
        var problems = SettingsValidator.Validate(Settings(pairs.Split('|')));

        var problem = Assert.Single(problems);
        Assert.Equal("settings", problem.File);
        Assert.Equal(entry, problem.Entry);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("StartTlsWhenAvailable")]
    public void RejectsPlainTextStartOnTheImplicitTlsPort(string security)
    {
        // Port 465 expects a TLS handshake first (MailKit FAQ: SslOnConnect on 465); any plain-text start waits for a
        // greeting that never comes, exactly like StartTls there.
        var problems = SettingsValidator.Validate(Settings("Monitor:Smtp:Host=smtp.example.org", "Monitor:Smtp:Port=465", $"Monitor:Smtp:Security={security}"));

        var problem = Assert.Single(problems);
        Assert.Equal(("Monitor:Smtp", "Security"), (problem.Entry, problem.Field));
    }

    [Theory]
    [InlineData("Monitor:Smtp:Hots=smtp.example.org", "Monitor:Smtp", "Hots")]
    [InlineData("Monitor:Crawlng:TimeoutSeconds=5", "Monitor", "Crawlng")]
    [InlineData("Monitor:Smtp:Security=Tls13", "Monitor:Smtp", "Security")]
    [InlineData("Monitor:Storage:Provider=Oracle", "Monitor:Storage", "Provider")]
    [InlineData("Monitor:Crawling:TimeoutSeconds=thirty", "Monitor:Crawling", "TimeoutSeconds")]
    [InlineData($"{Subscriber}:Emial=a@example.org", "Monitor:Digest", "Emial")]
    public void ReportsValuesThatDoNotBindNamingTheKey(string pair, string entry, string key)
    {
        var problems = SettingsValidator.Validate(Settings(pair));

        // (A misspelt subscriber key also leaves that subscriber without the real one, reported on its own entry.)
        var problem = Assert.Single(problems, p => p.Entry == entry);
        Assert.Contains(key, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryValueThatDoesNotBindInOneSectionAndStillChecksTheRest()
    {
        // The configuration binder stops at the first bad value; the validator reports it and binds the rest again.
        var problems = SettingsValidator.Validate(Settings(
            "Monitor:Crawling:TimeoutSeconds=thirty",
            "Monitor:Crawling:MaxNewItemsPerRun=many",
            "Monitor:Crawling:Retries=3",
            "Monitor:Crawling:UserAgent=",
            $"{Subscriber}:Email=a@example.org",
            $"{Subscriber}:SendHour=noon",
            $"{Subscriber}:Emial=b@example.org",
            $"{Subscriber}:Topics:0=weather"));

        Assert.Equal(
            [
                "Monitor:Crawling/MaxNewItemsPerRun", "Monitor:Crawling/Retries", "Monitor:Crawling/TimeoutSeconds",
                "Monitor:Crawling/UserAgent", "Monitor:Digest/Subscribers:0:Emial", "Monitor:Digest/Subscribers:0:SendHour",
                "Monitor:Digest:Subscribers:0/Topics",
            ],
            problems.Select(p => $"{p.Entry}/{p.Field}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownKeyIsTakenOutAloneNotEveryKeyOfThatName()
    {
        // "Email" belongs to subscribers, not to Digest itself: only the misplaced key is a problem.
        var problems = SettingsValidator.Validate(Settings(
            "Monitor:Digest:Email=x@example.org",
            "Monitor:Digest:Topics:0=regulation",
            $"{Subscriber}:Email=a@example.org",
            $"{Subscriber}:Topics:0=weather",
            "Monitor:Digest:Subscribers:1:Email=b@example.org",
            "Monitor:Digest:Subscribers:1:Emial=c@example.org"));

        Assert.Equal(
            ["Monitor:Digest/Email", "Monitor:Digest/Subscribers:1:Emial", "Monitor:Digest/Topics", "Monitor:Digest:Subscribers:0/Topics"],
            problems.Select(p => $"{p.Entry}/{p.Field}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeepsGoingPastEmptyUnknownKeysAndQuotesInValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = "Data Source=data/monitor.db",
            ["Monitor:Crawling:Extra"] = null,
            ["Monitor:Crawling:TimeoutSeconds"] = "it's thirty",
            ["Monitor:Crawling:MaxNewItemsPerRun"] = "'many'",
        };

        var problems = SettingsValidator.Validate(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.Equal(
            ["Monitor:Crawling/Extra", "Monitor:Crawling/MaxNewItemsPerRun", "Monitor:Crawling/TimeoutSeconds"],
            problems.Select(p => $"{p.Entry}/{p.Field}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportsDuplicateSubscribers()
    {
        var problems = SettingsValidator.Validate(Settings(
            $"{Subscriber}:Email=a@example.org",
            "Monitor:Digest:Subscribers:1:Email=A@example.org"));

        var problem = Assert.Single(problems);
        Assert.Equal(("Monitor:Digest:Subscribers:1", "Email"), (problem.Entry, problem.Field));
        Assert.Contains("duplicate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryProblemAcrossSectionsAtOnce()
    {
        var problems = SettingsValidator.Validate(Settings(
            "ConnectionStrings:Monitor=",
            "Monitor:Smtp:Port=587",
            "Monitor:Smtp:Security=SslOnConnect",
            "Monitor:Smtp:UserName=digest",
            "Monitor:Scheduling:DigestSchedule=nope",
            $"{Subscriber}:Email=broken",
            $"{Subscriber}:Topics:0=sports",
            $"{Subscriber}:TimeZone=Nowhere/City"));

        Assert.Equal(
            [
                "ConnectionStrings/Monitor", "Monitor:Digest:Subscribers:0/Email", "Monitor:Digest:Subscribers:0/TimeZone",
                "Monitor:Digest:Subscribers:0/Topics", "Monitor:Scheduling/DigestSchedule", "Monitor:Smtp/Security",
                "Monitor:Smtp/UserName/Password",
            ],
            problems.Select(p => $"{p.Entry}/{p.Field}").Order(StringComparer.Ordinal));
    }
}
