using Monitor.Worker.Clustering;

namespace Monitor.Tests.Clustering;

public sealed class StoryMatcherTests
{
    private static StoryCandidate Candidate(long id, string title, string text = "", long? story = null) =>
        new(id, story, title, text.Length == 0 ? 0 : SimHash.Compute(text));

    [Fact]
    public void WireCopyWithTheSameTextMatchesDespiteADifferentTitle()
    {
        var original = Candidate(1, "MSIT to fund sovereign LLM", SimHashTests.Release, story: 5);
        var copy = Candidate(2, "Korea bets 1 trillion won on home-grown AI", SimHashTests.Release);

        Assert.Same(original, StoryMatcher.FindMatch(copy, [original]));
    }

    [Fact]
    public void UnrelatedTextAndTitleDoNotMatch()
    {
        var original = Candidate(1, "MSIT to fund sovereign LLM", SimHashTests.Release);
        var other = Candidate(2, "Storm warning for southern provinces", SimHashTests.Unrelated);

        Assert.Null(StoryMatcher.FindMatch(other, [original]));
    }

    [Theory]
    [InlineData("Japan unveils national AI strategy for 2030", "Japan unveils national AI strategy for 2030 today", true)]
    [InlineData("Japan unveils national AI strategy for 2030", "JAPAN UNVEILS NATIONAL AI STRATEGY FOR 2030!", true)]
    [InlineData("France launches sovereign model Lucie for schools", "France launches sovereign model Lucie in schools", true)]
    [InlineData("Japan unveils AI strategy", "Japan unveils AI budget", false)]
    [InlineData("Japan unveils national AI strategy for 2030", "Korea unveils national chip strategy for 2031", false)]
    [InlineData("政府が人工知能基本計画を決定", "政府が人工知能基本計画を閣議決定", true)]
    [InlineData("政府が人工知能基本計画を決定", "経産省が半導体支援策を発表", false)]
    public void TitlesMatchWhenTheyShareAtLeastEightyPercentOfTokens(string first, string second, bool expected)
    {
        var match = StoryMatcher.FindMatch(Candidate(2, second), [Candidate(1, first)]);

        Assert.Equal(expected, match is not null);
    }

    [Theory]
    [InlineData("AI Act", "AI Act")]
    [InlineData("AI Act adopted", "AI Act adopted")]
    [InlineData("EU AI Act adopted", "AI Act")]
    public void ShortTitlesNeverMatchOnTitleAlone(string first, string second)
    {
        Assert.Null(StoryMatcher.FindMatch(Candidate(2, second), [Candidate(1, first)]));
    }

    [Fact]
    public void MissingTextHashesAreNotTakenAsIdentical()
    {
        var first = Candidate(1, "Short");
        var second = Candidate(2, "Other");

        Assert.Equal(0, first.TextHash);
        Assert.Null(StoryMatcher.FindMatch(second, [first]));
    }

    [Fact]
    public void ReturnsTheFirstMatchingRecentCandidate()
    {
        var unrelated = Candidate(1, "Storm warning", SimHashTests.Unrelated);
        var first = Candidate(2, "A", SimHashTests.Release, story: 7);
        var second = Candidate(3, "B", SimHashTests.Release, story: 8);

        var match = StoryMatcher.FindMatch(Candidate(4, "C", SimHashTests.Release), [unrelated, first, second]);

        Assert.Equal(7, match?.StoryId);
    }

    [Fact]
    public void NoRecentCandidatesMeansNoMatch()
    {
        Assert.Null(StoryMatcher.FindMatch(Candidate(1, "Japan unveils national AI strategy", SimHashTests.Release), []));
    }
}
