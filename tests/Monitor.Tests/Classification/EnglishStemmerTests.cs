using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The light stemmer merges inflections of one English word and leaves other words alone.</summary>
public sealed class EnglishStemmerTests
{
    [Theory]
    [InlineData("regulates", "regulate")]
    [InlineData("regulated", "regulate")]
    [InlineData("regulating", "regulate")]
    [InlineData("regulation", "regulate")]
    [InlineData("regulations", "regulate")]
    [InlineData("policies", "polici")]
    [InlineData("policy", "polici")]
    [InlineData("grants", "grant")]
    [InlineData("funded", "fund")]
    [InlineData("funding", "fund")]
    [InlineData("planned", "plan")]
    [InlineData("organization", "organize")]
    [InlineData("addresses", "address")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("class", "class")]
    [InlineData("sing", "sing")]
    [InlineData("bus", "bus")]
    [InlineData("förderung", "förderung")]
    [InlineData("gpu4", "gpu4")]
    public void StemsInflectionsTogether(string word, string expected)
    {
        var buffer = new char[word.Length];

        var length = EnglishStemmer.Stem(word, buffer);

        Assert.Equal(expected, new string(buffer, 0, length));
    }
}
