using Monitor.Worker.Clustering;

namespace Monitor.Tests.Clustering;

public sealed class SimHashTests
{
    internal const string Release =
        "The Ministry of Science and ICT announced on Tuesday that it will invest 1 trillion won over five years to build a " +
        "sovereign large language model trained on Korean public data, with a consortium of domestic companies and universities " +
        "selected through an open competition. The first model is expected to be released to public agencies next year.";

    internal const string Unrelated =
        "Heavy rain is forecast across the southern provinces this weekend as a tropical storm moves north, and the weather " +
        "agency urged residents near rivers to prepare for possible evacuation orders while ferry services were suspended.";

    [Fact]
    public void IdenticalTextsHaveDistanceZero()
    {
        Assert.Equal(0, SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(Release)));
    }

    [Fact]
    public void IgnoresCaseWhitespaceAndPunctuation()
    {
        var reformatted = Release.ToUpperInvariant().Replace(", ", " ; ", StringComparison.Ordinal).Replace(" ", "\n  ", StringComparison.Ordinal);

        Assert.Equal(SimHash.Compute(Release), SimHash.Compute(reformatted));
    }

    [Fact]
    public void UnrelatedTextsAreFarApart()
    {
        var distance = SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(Unrelated));

        Assert.True(distance > 3 * StoryMatcher.MaxTextDistance, $"distance {distance}");
    }

    [Fact]
    public void SmallEditIsCloserThanAnUnrelatedText()
    {
        var edited = Release.Replace("Tuesday", "Wednesday", StringComparison.Ordinal);

        var near = SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(edited));
        var far = SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(Unrelated));

        Assert.True(near < far, $"edited {near}, unrelated {far}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— … !!")]
    public void TextWithoutWordsHashesToZero(string text)
    {
        Assert.Equal(0, SimHash.Compute(text));
    }

    [Fact]
    public void DistanceCountsDifferingBits()
    {
        Assert.Equal(0, SimHash.Distance(-1, -1));
        Assert.Equal(64, SimHash.Distance(0, -1));
        Assert.Equal(2, SimHash.Distance(0b1010, 0b0000));
        Assert.Equal(1, SimHash.Distance(long.MinValue, 0));
    }

    [Theory]
    [InlineData("人工知能戦略", "人工|工知|知能|能戦|戦略")]
    [InlineData("日本のAI戦略", "日本|本の|ai|戦略")]
    [InlineData("인공지능 기본법", "인공|공지|지능|기본|본법")]
    [InlineData("国家AI计划2030", "国家|ai|计划|2030")]
    [InlineData("ＡＩ Ｓａｆｅｔｙ Institute", "ai|safety|institute")]
    [InlineData("EU's AI-Act, (2024)", "eu|s|ai|act|2024")]
    public void TokenisesWordsAndCjkBigrams(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), SimHash.Tokens(text));
    }
}
