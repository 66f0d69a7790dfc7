using Monitor.Worker.Cli;

namespace Monitor.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Theory]
    [InlineData("", "run")]
    [InlineData("demo", "demo")]
    [InlineData("crawl --once", "crawl")]
    [InlineData("sources check", "sources check")]
    [InlineData("sources test jp-cao", "sources test")]
    [InlineData("sources coverage --format markdown", "sources coverage")]
    [InlineData("db migrate", "db migrate")]
    [InlineData("bench extract --in-dir x", "bench extract")]
    [InlineData("--config cfg sources check", "sources check")]
    [InlineData("sources", "sources")]
    public void ReadsVerbsWithSubVerbs(string line, string verb)
    {
        Assert.Equal(verb, CliArguments.Parse(Split(line)).Verb);
    }

    [Fact]
    public void KeepsPositionalArgumentsAfterTheVerb()
    {
        var cli = CliArguments.Parse(["sources", "test", "jp-cao", "--items", "3"]);

        Assert.Equal(["jp-cao"], cli.Positional);
        Assert.Equal("3", cli.Get("items"));
    }

    [Theory]
    [InlineData("crawl --source=jp-cao")]
    [InlineData("crawl --source jp-cao")]
    [InlineData("--source jp-cao crawl")]
    public void ReadsValuesWrittenWithEqualsOrAsTheNextWord(string line)
    {
        var cli = CliArguments.Parse(Split(line));

        Assert.Equal("crawl", cli.Verb);
        Assert.Equal("jp-cao", cli.Get("source"));
        Assert.Empty(cli.Positional);
    }

    [Fact]
    public void ValueAfterEqualsMayContainEquals()
    {
        Assert.Equal("a=b", CliArguments.Parse(["digest", "--to=a=b"]).Get("to"));
    }

    [Fact]
    public void ValuedOptionTakesTheNextWordEvenWhenItLooksLikeAVerb()
    {
        var cli = CliArguments.Parse(["crawl", "--source", "demo"]);

        Assert.Equal("crawl", cli.Verb);
        Assert.Equal("demo", cli.Get("source"));
    }

    [Fact]
    public void FlagsTakeNoValue()
    {
        var cli = CliArguments.Parse(["digest", "--dry-run", "--to", "a@example.org"]);

        Assert.True(cli.Has("dry-run"));
        Assert.Null(cli.Get("dry-run"));
        Assert.Equal("a@example.org", cli.Get("to"));
        Assert.False(cli.Has("once"));
        Assert.False(cli.Help);
        Assert.Equal(["dry-run", "to"], cli.OptionNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("crawl -h")]
    public void RecognisesHelp(string line)
    {
        Assert.True(CliArguments.Parse(Split(line)).Help);
    }

    [Theory]
    [InlineData("crawl --frobnicate", "unknown option --frobnicate")]
    [InlineData("crawl --sauce jp-cao", "unknown option --sauce")]
    [InlineData("crawl --source", "option --source needs a value")]
    [InlineData("digest --to", "option --to needs a value")]
    public void UnknownOptionsAndMissingValuesAreUsageErrors(string line, string message)
    {
        var error = Assert.Throws<CliUsageException>(() => CliArguments.Parse(Split(line)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EveryVerbOptionIsAKnownFlagOrValuedOption()
    {
        foreach (var (verb, options) in CliSpec.Verbs)
        {
            Assert.All(options, o => Assert.True(CliSpec.Flags.Contains(o) ^ CliSpec.Valued.Contains(o), $"{verb}: --{o}"));
        }
    }

    [Fact]
    public void UsageMentionsEveryVerb()
    {
        Assert.All(CliSpec.Verbs.Keys, verb => Assert.Contains(verb, CliSpec.Usage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("frobnicate", "unknown verb 'frobnicate'")]
    [InlineData("sources", "unknown verb 'sources'")]
    [InlineData("crawl --to a@example.org", "'crawl' does not take --to")]
    [InlineData("digest extra", "'digest' takes no argument 'extra'")]
    [InlineData("sources test", "'sources test' needs exactly one source id")]
    [InlineData("sources test jp-cao --items many", "--items takes a whole number")]
    public async Task BadCommandLinesExitWithUsageCode2(string line, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApplication.RunAsync(Split(line), output, error);

        Assert.Equal(2, code);
        Assert.Contains($"error: {message}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task HelpPrintsUsageAndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await CliApplication.RunAsync(["sources", "check", "--help"], output, error));
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
