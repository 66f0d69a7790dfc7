using System.Net;
using AngleSharp.Html.Parser;

namespace Monitor.IntegrationTests.Archive;

/// <summary>The public archive at <c>/</c> over HTTP: what it lists, its filters, its paging.</summary>
public sealed class ArchivePageTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ListsEachRelevantStoryOnceNewestFirstAcrossPages()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:ArchivePageSize"] = "5" });
        var expected = new List<string>();
        for (var i = 0; i < 17; i++)
        {
            var day = ArchiveWorld.Day.AddHours(-7 * i);
            if (i % 4 == 0)
            {
                // A story told by an official source and a news outlet, the news report later (it places the story).
                await world.AddStoryAsync(new Report($"Ministry announces decree {i}", day.AddHours(-3), Source: "kr-msit", Language: "ko"),
                    new Report($"Outlet reports the decree {i}", day));
                expected.Add($"Ministry announces decree {i}");
            }
            else
            {
                await world.AddStoryAsync(new Report($"Story number {i}", day));
                expected.Add($"Story number {i}");
            }

            await world.AddStoryAsync(new Report($"Irrelevant item {i}", day.AddMinutes(5), Relevant: false));
        }

        var seen = new List<string>();
        var path = "/";
        var pages = 0;
        while (path is not null)
        {
            using var response = await world.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var titles = document.QuerySelectorAll(".story h2 a").Select(a => a.TextContent).ToList();
            Assert.InRange(titles.Count, 1, 5);
            seen.AddRange(titles);
            path = document.QuerySelector("a[rel=next]")?.GetAttribute("href");
            pages++;
        }

        // The lead of a two-report story is its official report; no story twice; nothing irrelevant; newest first.
        Assert.Equal(expected, seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task FiltersByTopicCountryLanguageDateRangeAndWords()
    {
        await using var world = await ArchiveWorld.StartAsync();
        var d = ArchiveWorld.Day;
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", d, Source: "kr-msit", Topics: "regulation", Countries: "KR", Language: "ko"));
        await world.AddStoryAsync(new Report("Japan releases a sovereign language model", d.AddDays(-1), Source: "jp-digital", Topics: "model", Countries: "JP", Language: "ja", Models: "Takane"));
        await world.AddStoryAsync(new Report("France funds a national compute cluster", d.AddDays(-10), Topics: "infrastructure investment", Countries: "FR"));
        await world.AddStoryAsync(new Report("Régulation de l'IA : la CNIL publie ses recommandations", d.AddDays(-20), Topics: "regulation", Countries: "FR", Language: "fr"));
        await world.AddStoryAsync(new Report("国产大模型 发布 新版本", d.AddDays(-2), Topics: "model", Countries: "CN", Language: "zh"));

        async Task<List<string>> Titles(string query)
        {
            using var response = await world.GetAsync("/" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".story h2 a").Select(a => a.TextContent).ToList();
        }

        Assert.Equal(["Korea finalises the AI Basic Act decree", "Régulation de l'IA : la CNIL publie ses recommandations"], await Titles("?topic=regulation"));
        Assert.Equal(["France funds a national compute cluster", "Régulation de l'IA : la CNIL publie ses recommandations"], await Titles("?country=fr"));
        Assert.Equal(["Japan releases a sovereign language model"], await Titles("?language=ja"));
        Assert.Equal(["Korea finalises the AI Basic Act decree", "Japan releases a sovereign language model", "国产大模型 发布 新版本"],
            await Titles($"?from={d.AddDays(-2):yyyy-MM-dd}&to={d:yyyy-MM-dd}"));
        Assert.Equal(["France funds a national compute cluster"], await Titles($"?to={d.AddDays(-5):yyyy-MM-dd}&topic=investment"));

        // Words: every word must appear (title or summary), diacritics folded, Chinese found by pairs of characters.
        Assert.Equal(["Japan releases a sovereign language model"], await Titles("?q=Sovereign+MODEL"));
        Assert.Equal(["Régulation de l'IA : la CNIL publie ses recommandations"], await Titles("?q=regulation+cnil"));
        Assert.Equal(["国产大模型 发布 新版本"], await Titles("?q=" + Uri.EscapeDataString("大模型")));
        Assert.Empty(await Titles("?q=sovereign&country=KR"));
    }

    [Fact]
    public async Task BadFilterValuesAreSaidInWordsAndLeftOut()
    {
        await using var world = await ArchiveWorld.StartAsync();
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day));
        using var page = await world.GetAsync("/?topic=weather&country=XX&from=yesterday&before=zzz");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
        var problems = document.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("There is no topic “weather”", problems, StringComparison.Ordinal);
        Assert.Contains("“XX” is not a country code", problems, StringComparison.Ordinal);
        Assert.Contains("is not a date written as YYYY-MM-DD", problems, StringComparison.Ordinal);
        Assert.Single(document.QuerySelectorAll(".story"));

        using var feed = await world.GetAsync("/feed.atom?topic=weather");
        Assert.Equal(HttpStatusCode.BadRequest, feed.StatusCode);
        Assert.Contains("There is no topic “weather”", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryPageShowsEveryReportWithSourceClassificationAndReasons()
    {
        await using var world = await ArchiveWorld.StartAsync();
        var story = await world.AddStoryAsync(
            new Report("과학기술정보통신부, AI 기본법 시행령 확정", ArchiveWorld.Day.AddHours(-5), Source: "kr-msit", Language: "ko",
                Reasons: "context \"AI\"|topic:regulation \"시행령\"|country:KR \"과학기술정보통신부\"|learned:relevant \"decree\" 1.7"),
            new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day, Models: "HyperCLOVA X"));
        using var response = await world.GetAsync($"/stories/{story.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = Parser.ParseDocument(html);
        Assert.Equal("과학기술정보통신부, AI 기본법 시행령 확정", document.QuerySelector("h1")!.TextContent);
        var reports = document.QuerySelectorAll(".report");
        Assert.Equal(2, reports.Length);
        Assert.Contains("official source in South Korea", reports[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("news outlet", reports[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Why it matched:", reports[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("“시행령”", reports[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("models: HyperCLOVA X", reports[1].TextContent, StringComparison.Ordinal);

        // Learned weights and rule names are for the classifier, not for readers.
        Assert.DoesNotContain("learned:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1.7", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/countries/KR", document.QuerySelector(".facts a.tag")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync("/stories/999999")).StatusCode);
        var hidden = await world.AddStoryAsync(new Report("Weather report", ArchiveWorld.Day, Relevant: false));
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync($"/stories/{hidden.Id}")).StatusCode);
    }

    [Fact]
    public async Task CountryPageShowsItsTimelineAndTheModelsNamed()
    {
        await using var world = await ArchiveWorld.StartAsync();
        await world.AddStoryAsync(new Report("Japan releases a sovereign language model", ArchiveWorld.Day, Source: "jp-digital", Topics: "model", Countries: "JP", Language: "ja", Models: "Takane|PLaMo"));
        await world.AddStoryAsync(new Report("Japan updates its AI guidelines", ArchiveWorld.Day.AddDays(-40), Source: "jp-digital", Topics: "regulation", Countries: "JP", Language: "ja", Models: "PLaMo"));
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day));
        using var response = await world.GetAsync("/countries/JP");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Japan", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Japan releases a sovereign language model", "Japan updates its AI guidelines"], document.QuerySelectorAll(".story h2 a").Select(a => a.TextContent).ToList());
        var models = document.QuerySelectorAll(".models li").Select(l => l.TextContent).ToList();
        Assert.StartsWith("PLaMo: 2 reports", models[0], StringComparison.Ordinal);
        Assert.StartsWith("Takane: 1 report", models[1], StringComparison.Ordinal);
        Assert.Equal(2, document.QuerySelectorAll(".stories .month").Length);
        Assert.Equal("/countries/JP/feed.atom", document.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));

        Assert.Equal(["Japan updates its AI guidelines"],
            Parser.ParseDocument(await (await world.GetAsync("/countries/JP?topic=regulation")).Content.ReadAsStringAsync()).QuerySelectorAll(".story h2 a").Select(a => a.TextContent).ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync("/countries/ZZ")).StatusCode);
        using var lower = await world.GetAsync("/countries/jp");
        Assert.Contains(lower.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.MovedPermanently });
    }
}
