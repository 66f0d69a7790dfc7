using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>The <c>subscribers</c> verbs, run as the command line runs them, on the test's own database.</summary>
public sealed class SubscriberCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public SubscriberCommandTests()
    {
        _env.WriteSources("sources: []\n");
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ConnectionStrings"] = new Dictionary<string, string> { ["Monitor"] = $"Data Source={_env.DatabasePath}" },
            ["Monitor"] = new Dictionary<string, object>
            {
                ["Digest"] = new Dictionary<string, object>
                {
                    ["OutboxDirectory"] = _env.OutboxDirectory,
                    ["Subscribers"] = new[] { new Dictionary<string, object> { ["Email"] = "ops-managed@example.org", ["SendHour"] = 6 } },
                },
            },
        });
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), json);
    }

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task AddListRemoveAndPendingAddMailsTheConfirmation()
    {
        var (added, addOutput) = await RunAsync("subscribers", "add", "Analyst@Example.org", "--topics", "regulation,model", "--countries", "jp,KR",
            "--frequency", "weekly", "--time-zone", "Asia/Tokyo", "--confirmed");
        Assert.Equal(0, added);
        Assert.Contains("added Analyst@Example.org (active)", addOutput, StringComparison.Ordinal);

        var (pending, pendingOutput) = await RunAsync("subscribers", "add", "new@example.org");
        Assert.Equal(0, pending);
        Assert.Contains("(pending): confirmation mail sent", pendingOutput, StringComparison.Ordinal);
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_env.OutboxDirectory, "*.eml")));
        Assert.Contains("/confirm?token=", mail.TextBody, StringComparison.Ordinal);

        var (listed, table) = await RunAsync("subscribers", "list");
        Assert.Equal(0, listed);
        Assert.Matches(@"Analyst@Example.org\s+active\s+weekly\s+regulation model\s+JP KR\s+all\s+07:00 Asia/Tokyo\s+cli", table);
        Assert.Matches(@"new@example.org\s+pending\s+daily", table);
        Assert.Matches(@"ops-managed@example.org\s+active\s+daily\s+all\s+all\s+all\s+06:00 UTC\s+configuration\*", table);
        Assert.Contains("1 pending, 2 active, 0 unsubscribed, 0 bouncing", table, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("subscribers", "remove", "analyst@example.org")).Code);
        Assert.Equal(1, (await RunAsync("subscribers", "remove", "analyst@example.org")).Code);
        Assert.DoesNotContain("Analyst@", (await RunAsync("subscribers", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRefusesBadValuesAndUsageErrorsExitTwo()
    {
        var (code, output) = await RunAsync("subscribers", "add", "a@example.org", "--topics", "weather", "--frequency", "hourly");
        Assert.Equal(1, code);
        Assert.Contains("unknown topic 'weather'", output, StringComparison.Ordinal);
        Assert.Contains("--frequency 'hourly' is not daily, weekly or instant", output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("subscribers", "add")).Code);
        Assert.Equal(2, (await RunAsync("subscribers", "list", "--topics", "x")).Code);
        Assert.Equal(1, (await RunAsync("subscribers", "add", "not-an-address")).Code);
    }

    [Fact]
    public async Task ImportKeepsGoodRowsReportsBadOnesByLineAndExportRoundTrips()
    {
        var csv = Path.Combine(_env.Root, "in.csv");
        await File.WriteAllTextAsync(csv, """
            email,name,status,frequency,topics,countries,languages,send_hour,time_zone,min_score
            one@example.org,"Doe, Jane",active,daily,regulation;model,JP KR,en,8,Europe/Paris,0.6
            not-an-email,x,active,daily,,,,,,
            two@example.org,,pending,weekly,,,,,,
            three@example.org,,active,hourly,weather,,,,,
            "four@example.org","Multi
            line name",unsubscribed,instant,,EU,,,UTC,

            one@example.org,,active,,,,,,,
            """);

        var (code, output) = await RunAsync("subscribers", "import", csv);

        Assert.Equal(1, code);
        Assert.Contains("in.csv: line 3: 'not-an-email' is not an email address", output, StringComparison.Ordinal);
        Assert.Contains("in.csv: line 5: frequency 'hourly' is not daily, weekly or instant; unknown topic 'weather'", output, StringComparison.Ordinal);
        Assert.Contains("in.csv: line 9: 'one@example.org' repeats line 2", output, StringComparison.Ordinal);
        Assert.Contains("imported 3 row(s): 3 added, 0 updated; 3 row(s) with problems skipped", output, StringComparison.Ordinal);

        var exported = Path.Combine(_env.Root, "out.csv");
        Assert.Equal(0, (await RunAsync("subscribers", "export", "--out", exported)).Code);
        var lines = await File.ReadAllLinesAsync(exported);
        Assert.Equal("email,name,status,frequency,topics,countries,languages,send_hour,time_zone,min_score", lines[0]);
        Assert.Contains("one@example.org,\"Doe, Jane\",active,daily,regulation model,JP KR,en,8,Europe/Paris,0.6", lines);
        Assert.Contains("two@example.org,,pending,weekly,,,,7,UTC,", lines);

        // The export imports back unchanged.
        Assert.Equal(0, (await RunAsync("subscribers", "import", exported)).Code);
        var again = Path.Combine(_env.Root, "again.csv");
        await RunAsync("subscribers", "export", "--out", again);
        Assert.Equal(lines, await File.ReadAllLinesAsync(again));
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync([.. args, "--config", _env.ConfigDirectory], output, error);
        return (code, output + error.ToString());
    }
}
