using Monitor.Worker.Configuration;
using Monitor.Worker.Sources;

namespace Monitor.Tests.Sources;

public sealed class SourcesFileLoaderProblemTests
{
    private const string File = "sources.yaml";

    /// <summary>A valid entry; each row replaces, adds or (with <c>&lt;remove&gt;</c>) drops one field; nested lines carry their own indentation.</summary>
    private static string Entry(params string[] lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "id: jp-cao",
            ["url"] = "url: https://www8.cao.go.jp/cstp/ai/index.html",
            ["country"] = "country: JP",
            ["language"] = "language: ja",
        };
        foreach (var line in lines)
        {
            var key = line.Split(':', 2)[0].Trim();
            if (line.EndsWith("<remove>", StringComparison.Ordinal))
            {
                fields.Remove(key);
            }
            else
            {
                fields[key] = line;
            }
        }

        return "sources:\n  - " + string.Join("\n    ", fields.Values) + "\n";
    }

    [Theory]
    [InlineData("feedurl: https://example.org/rss", "jp-cao", "feedurl", "unknown key")]
    [InlineData("url: <remove>", "jp-cao", "url", "missing")]
    [InlineData("url: ftp://example.org/feed.xml", "jp-cao", "url", "'ftp://example.org/feed.xml' is not an absolute http(s) URL")]
    [InlineData("url: /news/rss.xml", "jp-cao", "url", "is not an absolute http(s) URL")]
    [InlineData("kind: rss", "jp-cao", "kind", "'rss' is not one of")]
    [InlineData("country: <remove>", "jp-cao", "country", "missing")]
    [InlineData("country: XX", "jp-cao", "country", "'XX' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("country: jp", "jp-cao", "country", "use upper case")]
    [InlineData("language: <remove>", "jp-cao", "language", "missing")]
    [InlineData("language: japanese", "jp-cao", "language", "'japanese' is not a language tag")]
    [InlineData("timezone: Mars/Olympus_Mons", "jp-cao", "timezone", "'Mars/Olympus_Mons' is not a known time zone id")]
    [InlineData("schedule: every hour", "jp-cao", "schedule", "not a valid Quartz cron expression")]
    [InlineData("schedule: \"0 61 * * * ?\"", "jp-cao", "schedule", "not a valid Quartz cron expression")]
    [InlineData("selectors:\n      item: \"div[\"", "jp-cao", "selectors.item", "invalid CSS selector 'div['")]
    [InlineData("selectors:\n      link: a", "jp-cao", "selectors.item", "missing")]
    [InlineData("selectors:\n      item: li\n      headline: h3", "jp-cao", "selectors.headline", "unknown key")]
    [InlineData("selectors: li.news", "jp-cao", "selectors", "must be a mapping")]
    [InlineData("kind: feed\n    selectors:\n      item: li", "jp-cao", "selectors", "only listing sources take selectors")]
    [InlineData("json:\n      items: results\n      link: html_url\n      url: html_url", "jp-cao", "json.url", "unknown key")]
    [InlineData("kind: json", "jp-cao", "json", "needs json.items")]
    [InlineData("kind: json\n    json:\n      link: html_url", "jp-cao", "json", "needs json.items")]
    [InlineData("kind: json\n    json:\n      items: results", "jp-cao", "json.link", "required")]
    [InlineData("format: xml", "jp-cao", "format", "'xml' is not one of: atom, html, json, json-feed, rdf, rss, sitemap")]
    [InlineData("kind: feed\n    format: html", "jp-cao", "format", "'html' does not fit kind feed")]
    [InlineData("kind: listing\n    format: rss", "jp-cao", "format", "'rss' does not fit kind listing")]
    [InlineData("kind: sitemap\n    format: atom", "jp-cao", "format", "'atom' does not fit kind sitemap")]
    [InlineData("enabled: maybe", "jp-cao", "enabled", "'maybe' is not true or false")]
    [InlineData("fetch_full_text: 1", "jp-cao", "fetch_full_text", "'1' is not true or false")]
    [InlineData("id: JP CAO", "JP CAO", "id", "lower-case letters")]
    [InlineData("id: <remove>", "sources[0] (line 2)", "id", "missing")]
    public void ReportsEveryProblemWithFileEntryAndField(string line, string entry, string field, string message)
    {
        var result = SourcesFileLoader.Parse(Entry(line), File);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(File, problem.File);
        Assert.Equal(entry, problem.Entry);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void ListsAllProblemsOfOneEntryAtOnce()
    {
        var yaml = Entry("feedurl: x", "url: not a url", "country: ZZ", "schedule: nonsense", "enabled: perhaps");

        var result = SourcesFileLoader.Parse(yaml, File);

        Assert.Equal(["country", "enabled", "feedurl", "schedule", "url"], result.Problems.Select(p => p.Field).Order());
        Assert.All(result.Problems, p => Assert.Equal("jp-cao", p.Entry));
    }

    [Fact]
    public void KeepsValidEntriesWhenOthersAreWrong()
    {
        const string yaml = """
            sources:
              - id: broken-one
                url: https://example.org/rss
                country: Japan
                language: ja
              - id: good-one
                url: https://example.org/good.xml
                country: FR
                language: fr
              - id: broken-two
                country: DE
                language: de
            """;

        var result = SourcesFileLoader.Parse(yaml, File);

        Assert.Equal("good-one", Assert.Single(result.Sources).Id);
        Assert.Equal(
            ["broken-one/country", "broken-two/url"],
            result.Problems.Select(p => $"{p.Entry}/{p.Field}").Order());
    }

    [Fact]
    public void ReportsDuplicateIdsNamingBothPositionsAndKeepsTheFirst()
    {
        const string yaml = """
            sources:
              - id: kr-msit
                url: https://www.msit.go.kr/rss/one.xml
                country: KR
                language: ko
              - id: other
                url: https://example.org/other.xml
                country: US
                language: en
              - id: kr-msit
                url: https://www.msit.go.kr/rss/two.xml
                country: KR
                language: ko
            """;

        var result = SourcesFileLoader.Parse(yaml, File);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("kr-msit", "id"), (problem.Entry, problem.Field));
        Assert.Contains("sources[0] and sources[2]", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["kr-msit", "other"], result.Sources.Select(s => s.Id));
        Assert.Equal("https://www.msit.go.kr/rss/one.xml", result.Sources[0].Url.AbsoluteUri);
    }

    [Fact]
    public void EntriesWithoutIdAreNamedByPositionAndLine()
    {
        const string yaml = """
            sources:
              - id: fine
                url: https://example.org/a.xml
                country: US
                language: en
              - url: https://example.org/b.xml
                country: US
                language: en
            """;

        var problem = Assert.Single(SourcesFileLoader.Parse(yaml, File).Problems);

        Assert.Equal("sources[1] (line 6)", problem.Entry);
        Assert.Equal("id", problem.Field);
    }

    [Theory]
    [InlineData("sources: [\n  - id: x", "invalid YAML")]
    [InlineData("sources: just-text\n", "must be a list")]
    [InlineData("feeds:\n  - id: x\n", "unknown key (expected 'sources')")]
    [InlineData("other: 1\n", "unknown key")]
    [InlineData("", "expected a mapping with a 'sources' list")]
    [InlineData("- id: x\n", "expected a mapping with a 'sources' list")]
    [InlineData("sources:\n  - just a string\n", "must be a mapping")]
    public void ReportsFileLevelProblems(string yaml, string message)
    {
        var result = SourcesFileLoader.Parse(yaml, File);

        Assert.Empty(result.Sources);
        Assert.Contains(result.Problems, p => p.File == File && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAKeyGivenTwiceInOneEntry()
    {
        const string yaml = """
            sources:
              - id: twice
                url: https://example.org/old.xml
                country: US
                language: en
                url: https://example.org/new.xml
            """;

        var result = SourcesFileLoader.Parse(yaml, File);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(File, problem.File);
        Assert.Contains("line 6", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void ProblemTextNamesFileEntryAndField()
    {
        var problem = Assert.Single(SourcesFileLoader.Parse(Entry("country: XX"), File).Problems);

        Assert.StartsWith("sources.yaml: jp-cao: country: 'XX'", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsOneProblem()
    {
        var result = SourcesFileLoader.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "sources.yaml"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("sources.yaml", problem.File);
        Assert.Contains("file not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemRecordFormatsWithoutEmptyParts()
    {
        Assert.Equal("sources.yaml: missing", new ConfigProblem("sources.yaml", "", "", "missing").ToString());
        Assert.Equal("sources.yaml: a: gone", new ConfigProblem("sources.yaml", "a", "", "gone").ToString());
    }
}
