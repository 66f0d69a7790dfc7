using Monitor.Worker.Cli;

namespace Monitor.Tests.Cli;

/// <summary>Exit codes, usage errors in the verbs' words with suggestions, per-verb help and completions, through
/// <see cref="CliApplication.RunAsync"/> as the process runs it.</summary>
public sealed class CliUsageTests
{
    [Theory]
    [InlineData("frobnicate", "unknown verb 'frobnicate'")]
    [InlineData("crawll", "unknown verb 'crawll'; did you mean 'crawl'?")]
    [InlineData("sources", "'sources' needs a verb: check, test, list, coverage")]
    [InlineData("sources tset x", "unknown verb 'sources tset'; did you mean 'test'?")]
    [InlineData("crawl --to a@example.org", "'crawl' does not take --to")]
    [InlineData("crawl --frobnicate", "unknown option --frobnicate")]
    [InlineData("crawl --sauce jp-cao", "unknown option --sauce; did you mean '--source'?")]
    [InlineData("crawl --source", "option --source needs a value")]
    [InlineData("digest extra", "'digest' takes no argument 'extra'")]
    [InlineData("sources test", "'sources test' needs exactly one source id")]
    [InlineData("subscribers import", "'subscribers import' needs exactly one CSV file")]
    [InlineData("subscribers add", "'subscribers add' needs exactly one email address")]
    [InlineData("sources test jp-cao --items many", "--items takes a whole number")]
    [InlineData("classify-train --in a --out b --cv 1", "--cv takes a whole number of at least 2")]
    [InlineData("sources coverage --format html", "--format takes text or markdown")]
    [InlineData("extract --out-dir x", "'extract' needs --in-dir")]
    [InlineData("subscribers list --topics x", "'subscribers list' does not take --topics")]
    [InlineData("completion tcsh", "'tcsh' is not a shell Monitor writes completions for: bash, zsh, fish, pwsh")]
    public async Task BadCommandLinesExitWithUsageCode2(string line, string message)
    {
        var (code, output, error) = await RunAsync(line);

        Assert.Equal(2, code);
        Assert.Contains($"error: {message}", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task RootHelpIsTheUsageText()
    {
        foreach (var line in new[] { "--help", "-h" })
        {
            var (code, output, _) = await RunAsync(line);

            Assert.Equal(0, code);
            Assert.Equal(CliSpec.Usage.Trim(), output.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(CliContractTests.Contract), MemberType = typeof(CliContractTests))]
    public async Task EveryVerbHasItsOwnHelp(string verb, string options, string argument)
    {
        var (code, output, error) = await RunAsync(verb == "run" ? "run --help" : $"{verb} --help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Matches($@"Usage:\s+\S+ {verb}", output);
        Assert.Contains(CliVerbs.Find(verb)!.Description, output, StringComparison.Ordinal);
        foreach (var option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains($"--{option}", output, StringComparison.Ordinal);
        }

        if (argument.Length > 0)
        {
            Assert.Contains($"<{argument}>", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CliContractTests.Contract), MemberType = typeof(CliContractTests))]
    public async Task EveryVerbCompletesItsOptions(string verb, string options, string argument)
    {
        _ = argument;
        var line = $"{verb} --";

        var completions = await SuggestAsync(line);

        foreach (var option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains($"--{option}", completions);
        }

        Assert.DoesNotContain("--frobnicate", completions);
    }

    [Theory]
    [InlineData("", "crawl")]
    [InlineData("", "subscribers")]
    [InlineData("cr", "crawl")]
    [InlineData("sources ", "coverage")]
    [InlineData("sources te", "test")]
    [InlineData("bench ", "digest")]
    [InlineData("sources coverage --format ", "markdown")]
    [InlineData("subscribers list --status ", "bouncing")]
    [InlineData("subscribers add a@example.org --frequency ", "weekly")]
    [InlineData("subscribers add a@example.org --topics ", "data-talent")]
    [InlineData("completion ", "zsh")]
    public async Task CompletesVerbsAndValues(string line, string expected)
    {
        Assert.Contains(expected, await SuggestAsync(line));
    }

    [Fact]
    public async Task CompletesSourceIdsFromTheConfigurationOnTheLine()
    {
        var config = Directory.CreateTempSubdirectory("monitor-completion-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(config, "sources.yaml"), """
                sources:
                  - id: jp-digital-agency
                    url: https://www.digital.go.jp/rss/news.xml
                    country: JP
                    language: ja
                  - id: jp-kantei
                    url: https://www.kantei.go.jp/index-jnews.rdf
                    country: JP
                    language: ja
                  - id: uk-dsit-ai
                    url: https://www.gov.uk/search/news-and-communications.atom
                    country: GB
                    language: en
                """);

            Assert.Equal(["jp-digital-agency", "jp-kantei"], await SuggestAsync($"sources test --config {config} jp-"));
            Assert.Contains("uk-dsit-ai", await SuggestAsync($"crawl --config {config} --source "));
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public async Task CompletionNarrowsToTheWordBeingTyped()
    {
        var completions = await SuggestAsync("sources te");

        Assert.Equal(["test"], completions);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _monitor_worker_complete Monitor.Worker monitor")]
    [InlineData("zsh", "compdef _monitor_worker Monitor.Worker monitor")]
    [InlineData("fish", "complete -c Monitor.Worker -c monitor")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName Monitor.Worker, monitor")]
    public async Task CompletionPrintsAScriptForEachShell(string shell, string registration)
    {
        var (code, output, _) = await RunAsync($"completion {shell}");

        Assert.Equal(0, code);
        Assert.Contains(registration, output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", output, StringComparison.Ordinal);
    }

    private static async Task<string[]> SuggestAsync(string line)
    {
        var output = new StringWriter();
        var code = await CliApplication.RunAsync([$"[suggest:{line.Length}]", line], output, new StringWriter());
        Assert.Equal(0, code);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string line)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
