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

    [Theory]
    [InlineData("भारत सरकार ने इंडियाएआई मिशन को मंजूरी दी", "भारत|सरकार|ने|इंडियाएआई|मिशन|को|मंजूरी|दी")]
    [InlineData("కేంద్ర మంత్రివర్గం ఆమోదం", "కేంద్ర|మంత్రివర్గం|ఆమోదం")]
    [InlineData("ปัญญาประดิษฐ์ แห่งชาติ", "ปัญญาประดิษฐ์|แห่งชาติ")]
    [InlineData("क्\u200dष", "क्ष")]
    public void KeepsCombiningMarksInsideWords(string text, string expected)
    {
        // Indic vowel signs and viramas are marks, not letters: a tokenizer that split at them made "मिशन" into "म" and "शन".
        Assert.Equal(expected.Split('|'), SimHash.Tokens(text));
    }

    [Theory]
    [InlineData(Release)]
    [InlineData(Unrelated)]
    [InlineData("भारत सरकार ने इंडियाएआई मिशन को मंजूरी दी, 10,372 करोड़ रुपये")]
    [InlineData("人工知能戦略本部は国産の大規模言語モデルを公開した")]
    [InlineData("one two")]
    [InlineData("word")]
    public void EqualsTheTextbookDefinition(string text)
    {
        // Every shingle of up to three tokens ("a b c"), FNV-1a then the avalanche; bit i set when more shingles set it than not.
        var tokens = SimHash.Tokens(text);
        var weights = new int[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(i + 2 < tokens.Count ? 3 : 1));
            var hash = 14695981039346656037UL;
            foreach (var c in shingle)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash ^= hash >> 30;
            hash *= 0xbf58476d1ce4e5b9UL;
            hash ^= hash >> 27;
            hash *= 0x94d049bb133111ebUL;
            hash ^= hash >> 31;
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        var expected = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            expected |= weights[bit] > 0 ? 1UL << bit : 0;
        }

        Assert.Equal(unchecked((long)expected), SimHash.Compute(text));
    }
}
