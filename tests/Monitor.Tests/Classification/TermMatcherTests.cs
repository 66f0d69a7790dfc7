using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Script-aware matching: word boundaries for alphabetic scripts, none for CJK, folding of width and case.</summary>
public sealed class TermMatcherTests
{
    [Theory]
    [InlineData("artificial intelligence", "New artificial intelligence rules", true)]
    [InlineData("AI", "The AI strategy", true)]
    [InlineData("AI", "AIM and AIR are not AI-words", true)]
    [InlineData("AI", "AIM and AIR and Thai food", false)]
    [InlineData("AI", "ＡＩ戦略を発表", true)]
    [InlineData("AI戦略", "政府はＡＩ戦略を決定", true)]
    [InlineData("人工知能", "政府は人工知能基本計画を決定", true)]
    [InlineData("인공지능", "인공지능기본법이 시행된다", true)]
    [InlineData("과학기술정보통신부", "과학기술정보통신부는 오늘 발표했다", true)]
    [InlineData("大模型", "国产大模型发布", true)]
    [InlineData("regulat*", "The regulatory sandbox", true)]
    [InlineData("regulat*", "Unregulated markets", false)]
    [InlineData("US", "Tell us more", false)]
    [InlineData("US", "The US government", true)]
    [InlineData("=Act", "The Act takes effect", true)]
    [InlineData("=Act", "They act quickly", false)]
    [InlineData("KI Verordnung", "Die KI-Verordnung gilt", true)]
    [InlineData("Falcon 180B", "Falcon-180B released", true)]
    [InlineData("Förderung", "Die Forderung wurde abgelehnt", false)]
    [InlineData("Förderung", "Die FÖRDERUNG beginnt", true)]
    [InlineData("الذكاء الاصطناعي", "استراتيجية للذكاء الاصطناعي", true)]
    [InlineData("الذكاء الاصطناعي", "وبالذكاء الاصطناعي", true)]
    [InlineData("نموذج لغوي", "أطلقت نموذجاً لغوياً", false)]
    [InlineData("искусственный интеллект", "Искусственный интеллект в России", true)]
    [InlineData("एआई", "भारत का एआई मिशन", true)]
    [InlineData("Армения", "Nvidia поставит в Армению свои чипы", true)]
    [InlineData("Армения", "Соглашение с Арменией подписано", true)]
    [InlineData("Китай", "Экспорт из Китая вырос", true)]
    [InlineData("Канада", "Канадский фонд", false)]
    [InlineData("США", "СШАх", false)]
    public void MatchesWhereTheScriptAllows(string term, string text, bool expected)
    {
        var matcher = new TermMatcher([term]);
        var matches = new List<TermMatch>();

        matcher.FindAll(TextNormalizer.Normalize(text, ""), matches);

        Assert.Equal(expected, matches.Count > 0);
    }

    [Fact]
    public void AReplacedRussianEndingCountsAsTheTermOnce()
    {
        var matcher = new TermMatcher(["Армения"]);
        var matches = new List<TermMatch>();

        matcher.FindAll(TextNormalizer.Normalize("Армения и Армению", ""), matches);

        Assert.Equal([0, 0], matches.Select(m => m.Pattern));
    }

    [Theory]
    [InlineData("Делегация прибыла в Армени", "")]
    [InlineData("Новости", "Текст обрезан на границе: Армени")]
    public void ARussianStemThatEndsTheTextIsNoMatchAndNoError(string title, string text)
    {
        // A text cut at its length limit inside a word: the stem has no case ending after it. This threw before.
        var matcher = new TermMatcher(["Армения"]);
        var matches = new List<TermMatch>();

        matcher.FindAll(TextNormalizer.Normalize(title, text), matches);

        Assert.Empty(matches);
    }

    [Fact]
    public void FindsOverlappingTermsInOnePass()
    {
        var matcher = new TermMatcher(["language model", "large language model", "model"]);
        var matches = new List<TermMatch>();

        matcher.FindAll(TextNormalizer.Normalize("A large language model", ""), matches);

        Assert.Equal([0, 1, 2], matches.Select(m => m.Pattern).Order());
    }

    [Fact]
    public void FoldsFullWidthAndHalfWidthForms()
    {
        var text = TextNormalizer.Normalize("ＬＬＭの開発", "ｶﾀｶﾅ");

        Assert.StartsWith("llmの開発", text.Folded, StringComparison.Ordinal);
        Assert.Contains("カタカナ", text.Folded, StringComparison.Ordinal);
        Assert.Equal(text.Cased.Length, text.Folded.Length);
    }
}
