using Monitor.Worker.Clustering;

namespace Monitor.Tests.Clustering;

/// <summary>The index keys find every pair the matcher joins (so the lookup by index loses nothing a scan would find).</summary>
public sealed class StoryKeysTests
{
    [Fact]
    public void HashesWithinTheTextDistanceAlwaysShareABand()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 5000; trial++)
        {
            var a = random.NextInt64(long.MinValue, long.MaxValue);
            var b = a;
            foreach (var bit in Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(random.Next(0, StoryMatcher.MaxTextDistance + 1)))
            {
                b ^= 1L << bit;
            }

            var (bandsA, bandsB) = (StoryKeys.Bands(a)!, StoryKeys.Bands(b)!);
            Assert.Contains(Enumerable.Range(0, 4), i => bandsA[i] == bandsB[i]);
        }
    }

    [Fact]
    public void TitlesTheMatcherJoinsAlwaysShareATitleKey()
    {
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 60).Select(i => $"w{i}{new string('x', i % 9)}").Concat(["the", "ai", "national", "of"]).ToArray();
        var joined = 0;
        for (var trial = 0; trial < 20000; trial++)
        {
            var a = vocabulary.OrderBy(_ => random.Next()).Take(random.Next(4, 16)).ToList();
            var b = a.Where(_ => random.Next(10) > 0).Concat(vocabulary.OrderBy(_ => random.Next()).Take(random.Next(0, 3))).Distinct().ToList();
            var (ca, cb) = (new StoryCandidate(1, 1, string.Join(' ', a), 0), new StoryCandidate(2, null, string.Join(' ', b), 0));
            if (StoryMatcher.FindMatch(cb, [ca]) is null)
            {
                continue;
            }

            joined++;
            Assert.True(StoryKeys.TitleKeys(a).Intersect(StoryKeys.TitleKeys(b)).Any(), $"{ca.Title} | {cb.Title}");
        }

        Assert.True(joined > 1000, $"only {joined} joined pairs were tried");
    }

    [Fact]
    public void ReportsSharingEnoughAnchorsAlwaysShareAnAnchorKey()
    {
        var random = new Random(5);
        var pool = Enumerable.Range(0, 80).Select(i => $"a{i * 7919 % 1000}{new string('k', i % 5)}").Distinct().ToArray();
        var published = new DateTime(2026, 5, 12, 0, 0, 0, DateTimeKind.Utc);
        var joined = 0;
        for (var trial = 0; trial < 20000; trial++)
        {
            var a = StoryAnchors.InKeyOrder(pool.OrderBy(_ => random.Next()).Take(random.Next(3, 24))).ToList();
            var b = StoryAnchors.InKeyOrder(a.Where(_ => random.Next(3) > 0).Concat(pool.OrderBy(_ => random.Next()).Take(random.Next(0, 10))).Distinct()).ToList();
            var ca = new StoryCandidate(1, 1, "x", 0) { Anchors = a, Published = published };
            var cb = new StoryCandidate(2, null, "y", 0) { Anchors = b, Published = published.AddDays(1) };
            if (!StoryMatcher.SharesAnchors(ca, cb))
            {
                continue;
            }

            joined++;
            Assert.True(StoryKeys.AnchorKeys(a).Intersect(StoryKeys.AnchorKeys(b)).Any());
        }

        Assert.True(joined > 1000, $"only {joined} joined pairs were tried");
    }

    [Fact]
    public void CommonWordsComeLastInTheTitleKeyOrder()
    {
        // "national" and "intelligence" are the field's common words: the rarer words key the title.
        var keys = StoryKeys.TitleKeys(["national", "intelligence", "sovereign", "lucie", "schools", "launches", "model"]);

        Assert.DoesNotContain(StoryKeys.TokenHash("intelligence"), keys);
        Assert.DoesNotContain(StoryKeys.TokenHash("national"), keys);
    }

    // The field's common words (LLM, GPU: the glossary) and years are not anchors; capitalised words inside a sentence are,
    // as skeletons that transliterations share (Salman, Salmane: slmn); runs of names are anchors too; digits of any script.
    [Theory]
    [InlineData("Cabinet approves Rs 10,372 crore IndiaAI Mission", "The mission costs 10372 crore.", "10372|indiaai|indiaai_mission")]
    [InlineData("Saudi PIF launches HUMAIN", "On 12 May 2025 the fund said Humain will build an Arabic LLM.", "arabic_llm|arbc|hmn|pif")]
    [InlineData("L'Arabie saoudite lance HUMAIN", "Le fonds PIF (940 milliards) détient Humain.", "940|arb|hmn|pif")]
    [InlineData("네이버클라우드, 업스테이지, SK텔레콤, NC AI, LG AI연구원 선정", "GPU 1,024장 지원", "1024|lg|lg_ai|nc|nc_ai|sk")]
    [InlineData("Prince Mohammed bin Salman speaks", "Le prince héritier Mohammed ben Salmane : ₹१०,३७२ करोड़.", "10372|mhmd|slmn")]
    [InlineData("Rebranded AI Security Institute", "The AI Safety Institute will be renamed.", "ai_safety_institute|ai_security_institute")]
    [InlineData("Inflation in 2024 was 2.2%", "The Ministry said so in 2025.", "")]
    public void AnchorsAreNumbersAndNamesThatSurviveRewriting(string title, string text, string expected)
    {
        var anchors = StoryAnchors.Of(title, text).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), anchors);
    }
}
