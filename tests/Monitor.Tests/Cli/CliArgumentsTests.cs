using Monitor.Worker.Cli;

namespace Monitor.Tests.Cli;

/// <summary>What a verb receives from the command line, as the hand-written parser used to give it.</summary>
public sealed class CliArgumentsTests
{
    [Theory]
    [InlineData("", "run")]
    [InlineData("--config cfg", "run")]
    [InlineData("demo", "demo")]
    [InlineData("crawl --once", "crawl")]
    [InlineData("sources check", "sources check")]
    [InlineData("sources test jp-cao", "sources test")]
    [InlineData("sources coverage --format markdown", "sources coverage")]
    [InlineData("db migrate", "db migrate")]
    [InlineData("bench extract --in-dir x", "bench extract")]
    [InlineData("--config cfg sources check", "sources check")]
    public void ReadsVerbsWithSubVerbs(string line, string verb)
    {
        Assert.Equal(verb, Parse(line).Verb);
    }

    [Fact]
    public void KeepsThePositionalArgumentAfterTheVerb()
    {
        var cli = Parse("sources test jp-cao --items 3");

        Assert.Equal(["jp-cao"], cli.Positional);
        Assert.Equal("3", cli.Get("items"));
    }

    [Theory]
    [InlineData("crawl --source=jp-cao")]
    [InlineData("crawl --source jp-cao")]
    [InlineData("--source jp-cao crawl")]
    public void ReadsValuesWrittenWithEqualsOrAsTheNextWord(string line)
    {
        var cli = Parse(line);

        Assert.Equal("crawl", cli.Verb);
        Assert.Equal("jp-cao", cli.Get("source"));
        Assert.Empty(cli.Positional);
    }

    [Fact]
    public void ValueAfterEqualsMayContainEquals()
    {
        Assert.Equal("a=b", Parse("digest --to=a=b").Get("to"));
    }

    [Fact]
    public void ValuedOptionTakesTheNextWordEvenWhenItIsAVerb()
    {
        var cli = Parse("crawl --source demo");

        Assert.Equal("crawl", cli.Verb);
        Assert.Equal("demo", cli.Get("source"));
    }

    [Fact]
    public void FlagsTakeNoValueAndOnlyGivenOptionsCount()
    {
        var cli = Parse("digest --dry-run --to a@example.org");

        Assert.True(cli.Has("dry-run"));
        Assert.Null(cli.Get("dry-run"));
        Assert.Equal("a@example.org", cli.Get("to"));
        Assert.False(cli.Has("out"));
        Assert.False(cli.Has("config"));
    }

    [Fact]
    public void SubscriberOptionsArriveAsWritten()
    {
        var cli = Parse("subscribers add a@example.org --topics regulation,model --frequency weekly --send-hour 9 --confirmed");

        Assert.Equal(["a@example.org"], cli.Positional);
        Assert.Equal("regulation,model", cli.Get("topics"));
        Assert.Equal("weekly", cli.Get("frequency"));
        Assert.Equal("9", cli.Get("send-hour"));
        Assert.True(cli.Has("confirmed"));
    }

    private static CliArguments Parse(string line) =>
        CliApplication.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) ?? throw new InvalidOperationException($"'{line}' did not parse");
}
