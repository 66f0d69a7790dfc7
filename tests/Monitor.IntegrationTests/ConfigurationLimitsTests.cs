using System.Text;
using System.Text.RegularExpressions;
using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests;

/// <summary>
/// The bounds on configuration (<c>Monitor:Limits</c>: file size, number of sources, problems listed) hold in each place
/// configuration is read: at start (a verb that builds the host), in <c>sources check</c>, and on hot reload in the
/// running worker, where a refused edit keeps the running configuration.
/// </summary>
public sealed partial class ConfigurationLimitsTests : IDisposable
{
    private const int MaxProblemsListed = 5;
    private readonly TestEnvironment _env = new();
    private readonly long _sizeLimit;

    public ConfigurationLimitsTests()
    {
        // The shipped taxonomy.yaml must fit: the size limit is a little above it (it grows with the gazetteer; a fixed
        // limit broke when it did), and the sources file that breaks the limit is larger still.
        _sizeLimit = new FileInfo(Path.Combine(_env.ConfigDirectory, "taxonomy.yaml")).Length + 16_384;
        _env.Settings["Monitor:Limits:MaxConfigFileBytes"] = _sizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _env.Settings["Monitor:Limits:MaxSources"] = "3";
        _env.Settings["Monitor:Limits:MaxProblemsListed"] = MaxProblemsListed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _env.WriteSources(Sources(2));
    }

    public void Dispose() => _env.Dispose();

    [Theory]
    [InlineData("db migrate", "size")]
    [InlineData("db migrate", "sources")]
    [InlineData("db migrate", "problems")]
    [InlineData("sources check", "size")]
    [InlineData("sources check", "sources")]
    [InlineData("sources check", "problems")]
    public async Task EachLimitHoldsAtStartAndInSourcesCheck(string verb, string limit)
    {
        _env.WriteSources(Breaking(limit));

        using var worker = WorkerProcess.Start(_env, null, verb.Split(' '));
        var code = await worker.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, code);
        AssertReported(limit, worker.Output + worker.Error);
    }

    [Fact]
    public async Task HotReloadRefusesEditsPastEachLimitAndKeepsTheRunningSources()
    {
        _env.Settings["Monitor:Scheduling:ConfigPollSeconds"] = "1";
        _env.Settings["Monitor:Scheduling:Enabled"] = "true";
        using var worker = WorkerProcess.Start(_env, [KeyValuePair.Create("Monitor__Web__Urls", "http://127.0.0.1:0")], "run");
        // After every hosted service started: the reloader takes its first look at the files when it starts.
        await WaitForAsync(worker, "Application started", 1);

        var rejected = 0;
        foreach (var limit in new[] { "size", "sources", "problems" })
        {
            _env.WriteSources(Breaking(limit));
            rejected++;
            var output = await WaitForAsync(worker, "Configuration edit rejected", rejected);
            AssertReported(limit, output[output.LastIndexOf("Configuration edit rejected", StringComparison.Ordinal)..]);
        }

        Assert.DoesNotContain("Configuration reload failed", worker.Output + worker.Error, StringComparison.Ordinal);
        Assert.False(worker.HasExited, "the worker stopped on a refused edit: " + worker.Error);
    }

    /// <summary>A sources.yaml that breaks <paramref name="limit"/> and nothing else.</summary>
    private string Breaking(string limit) => limit switch
    {
        "size" => Sources(2) + "# padding\n" + string.Concat(Enumerable.Repeat("# " + new string('x', 97) + "\n", (int)(_sizeLimit / 100) + 100)),
        "sources" => Sources(4),
        _ => "sources:\n" + string.Concat(Enumerable.Range(1, 3).Select(i => $"  - id: bad-{i}\n    url: nowhere-{i}\n    country: XX\n    language: english{i}!\n")),
    };

    private static string Sources(int count) => "sources:\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
        $"  - id: s{i}\n    url: https://example.org/feed-{i}.xml\n    country: FR\n    language: fr\n"));

    private void AssertReported(string limit, string output)
    {
        switch (limit)
        {
            case "size":
                var reported = TooLarge().Match(output);
                Assert.True(reported.Success, output);
                var (fileKb, limitKb) = (Kilobytes(reported, "file"), Kilobytes(reported, "limit"));
                Assert.InRange(limitKb, (_sizeLimit / 1024) - 1, (_sizeLimit / 1024) + 1);
                Assert.True(fileKb > limitKb, output);
                break;
            case "sources":
                Assert.Contains("sources.yaml: sources: 4 sources; the limit is 3 (Monitor:Limits:MaxSources)", output, StringComparison.Ordinal);
                break;
            default:
                // Nine problems (three fields of three sources): the first five, then a count of the rest.
                // (A log entry is one line, its list included; a command prints one problem a line.)
                Assert.Equal(MaxProblemsListed, Regex.Count(output, "sources\\.yaml: bad-"));
                Assert.Matches(MoreProblems(), output);
                break;
        }
    }

    private static int Kilobytes(Match reported, string group) => int.Parse(reported.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> WaitForAsync(WorkerProcess worker, string text, int times)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var output = worker.Output + worker.Error;
            if (Regex.Count(output, Regex.Escape(text)) >= times)
            {
                return output;
            }

            Assert.False(worker.HasExited, "the worker stopped: " + output);
            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' did not appear {times} times:{Environment.NewLine}{worker.Output}{worker.Error}");
    }

    [GeneratedRegex(@"sources\.yaml: the file is (?<file>\d+) KB; the limit is (?<limit>\d+) KB \(Monitor:Limits:MaxConfigFileBytes\)")]
    private static partial Regex TooLarge();

    [GeneratedRegex(@"\.\.\. and \d+ more \(Monitor:Limits:MaxProblemsListed\)")]
    private static partial Regex MoreProblems();
}
