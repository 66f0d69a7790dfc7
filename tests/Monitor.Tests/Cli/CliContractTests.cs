using System.CommandLine;
using Monitor.Worker.Cli;

namespace Monitor.Tests.Cli;

/// <summary>The command line is a contract (scripts and benchmarks call it): every verb, option, argument and exit code
/// of the hand-written parser is pinned here, and the System.CommandLine tree must match it exactly.</summary>
public sealed class CliContractTests
{
    /// <summary>Verb → (options, positional argument). The verbs before issue 12, the ones it added (db vacuum, completion) and the benchmarks of issues 10 and 12.</summary>
    public static readonly TheoryData<string, string, string> Contract = new()
    {
        { "run", "config", "" },
        { "demo", "config", "" },
        { "crawl", "config source once verbose", "" },
        { "digest", "config dry-run to out", "" },
        { "sources check", "config", "" },
        { "sources test", "config items", "ID" },
        { "sources list", "config", "" },
        { "sources coverage", "config format readme", "" },
        { "db migrate", "config", "" },
        { "db vacuum", "config", "" },
        { "extract", "in-dir out-dir", "" },
        { "classify", "in out config taxonomy", "" },
        { "parse-feed", "in-dir out-dir", "" },
        { "bench extract", "in-dir rounds", "" },
        { "bench classify", "in config taxonomy", "" },
        { "bench digest", "subscribers announcements config", "" },
        { "bench crawl", "config feeds items hosts articles work-dir", "" },
        { "bench store", "stored adds work-dir", "" },
        { "bench replicas", "config connection replicas feeds items hosts work-dir", "" },
        { "bench archive", "announcements page-size", "" },
        { "classify-train", "in out config taxonomy cv extra", "" },
        { "subscribers add", "config topics countries languages frequency send-hour time-zone min-score name confirmed", "EMAIL" },
        { "subscribers remove", "config", "EMAIL" },
        { "subscribers list", "config status", "" },
        { "subscribers import", "config", "FILE.csv" },
        { "subscribers export", "config out", "" },
        { "completion", "", "SHELL" },
    };

    private static readonly string[] Flags = ["once", "verbose", "dry-run", "confirmed", "articles"];

    [Theory]
    [MemberData(nameof(Contract))]
    public void EachVerbTakesExactlyItsOptionsAndArgument(string verb, string options, string argument)
    {
        var command = Find(verb);

        var expected = options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(o => $"--{o}").Order(StringComparer.Ordinal);
        var actual = command.Options.Where(o => o.Name != "--help" && o.Name != "--version").Select(o => o.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(argument, string.Join(' ', command.Arguments.Select(a => a.Name)));
        foreach (var option in command.Options.Where(o => Flags.Contains(o.Name.TrimStart('-'))))
        {
            Assert.IsType<Option<bool>>(option);
        }
    }

    [Fact]
    public void NoVerbExistsOutsideTheContract()
    {
        var pinned = Contract.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(pinned.Order(StringComparer.Ordinal), CliVerbs.All.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Contract))]
    public void TheUsageTextNamesEveryVerbAndItsMainOptions(string verb, string options, string argument)
    {
        _ = argument;
        Assert.Contains(verb, CliSpec.Usage, StringComparison.Ordinal);
        foreach (var option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(o => o is not "taxonomy" and not "config"))
        {
            Assert.Contains($"--{option}", CliSpec.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheUsageTextKeepsItsContent()
    {
        // The lines of the usage text before System.CommandLine, which users and scripts know.
        string[] lines =
        [
            "Usage: Monitor.Worker [verb] [options]",
            "run                              the worker: scheduled crawling and digests, health endpoints (default)",
            "crawl [--source ID] [--once]     one crawl pass now (all enabled sources, or one), with a summary table",
            "digest [--dry-run] [--to EMAIL] [--out DIR]",
            "sources test ID [--items N]      fetch one source now and show what would be extracted and classified",
            "sources coverage [--format text|markdown] [--readme FILE]",
            "subscribers import FILE.csv      add or update subscribers from CSV (bad rows listed by line, good ones kept)",
            "extract --in-dir DIR --out-dir OUT        extract articles from NAME.html[.gz] files to NAME.json",
            "classify --in FILE.jsonl --out FILE.jsonl classify announcements (one JSON object per line)",
            "bench digest [--subscribers N] [--announcements N]",
            "--config DIR    configuration directory (default: ./config, else next to the binary; env MONITOR_CONFIG_DIR)",
            "Exit codes: 0 success, 1 failure or invalid configuration, 2 usage error.",
        ];

        Assert.All(lines, line => Assert.Contains(line, CliSpec.Usage, StringComparison.Ordinal));
    }

    private static Command Find(string verb)
    {
        var root = CliCommandTree.Build((_, _, _) => Task.FromResult(0));
        if (verb == "run")
        {
            return root;
        }

        Command command = root;
        foreach (var word in verb.Split(' '))
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }

        return command;
    }
}
