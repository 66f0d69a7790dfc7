using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests;

public sealed class StartupValidationTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task WorkerRefusesToStartAndListsEveryProblem()
    {
        _env.WriteSources("""
            sources:
              - id: good-one
                url: https://example.org/feed.xml
                country: FR
                language: fr
              - id: good-one
                url: https://example.org/other.xml
                country: FR
                language: fr
              - id: bad
                url: not a url
                country: ZZ
                language: en
                schedule: "every hour"
                colour: blue
              - name: nameless
                country: EU
                language: en
            """);
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), """
            {
              "ConnectionStrings": { "Monitor": "Data Source=x.db" },
              "Monitor": {
                "Digest": { "Subscribers": [ { "Email": "not-an-email", "Topics": [ "weather" ], "Countries": [ "XX" ] } ] },
                "Smtp": { "Host": "smtp.example.org", "Port": 587, "Security": "SslOnConnect" }
              }
            }
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["run", "--config", _env.ConfigDirectory], output, error);

        Assert.Equal(1, code);
        var text = error.ToString();
        string[] expected =
        [
            "sources.yaml: good-one: id: duplicate id",
            "sources.yaml: bad: url: 'not a url' is not an absolute http(s) URL",
            "sources.yaml: bad: country: 'ZZ' is not an ISO 3166-1 alpha-2 code",
            "sources.yaml: bad: schedule: 'every hour' is not a valid Quartz cron expression",
            "sources.yaml: bad: colour: unknown key",
            "sources.yaml: sources[3] (line 16): id: missing",
            "sources.yaml: sources[3] (line 16): url: missing",
            "Monitor:Digest:Subscribers:0: Email: 'not-an-email' is not an email address",
            "Monitor:Digest:Subscribers:0: Topics: unknown topic 'weather'",
            "Monitor:Digest:Subscribers:0: Countries: unknown country code 'XX'",
            "Monitor:Smtp: Security: SslOnConnect on port 587",
        ];
        Assert.All(expected, line => Assert.Contains(line, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SourcesCheckPassesOnValidConfigWithoutStartingAnything()
    {
        _env.WriteSources("""
            sources:
              - id: ok
                url: https://example.org/feed.xml
                country: JP
                language: ja
                timezone: Asia/Tokyo
                schedule: "0 0 */2 * * ?"
            """);
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), """{ "ConnectionStrings": { "Monitor": "Data Source=x.db" } }""");
        var output = new StringWriter();

        var code = await CliApplication.RunAsync(["sources", "check", "--config", _env.ConfigDirectory], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("configuration OK: 1 sources", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_env.ConfigDirectory, "x.db")));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("crawl", "--no-such-option")]
    [InlineData("digest", "--source", "x")]
    [InlineData("extract", "--in-dir")]
    [InlineData("sources", "test")]
    public async Task BadCommandLinesPrintUsageAndExitTwo(params string[] args)
    {
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(args, new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPrintsUsage()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["--help"], output, new StringWriter()));
        Assert.Contains("sources test ID", output.ToString(), StringComparison.Ordinal);
    }
}
