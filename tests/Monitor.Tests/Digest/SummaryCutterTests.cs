using Monitor.Worker.Digest;

namespace Monitor.Tests.Digest;

public sealed class SummaryCutterTests
{
    [Theory]
    [InlineData("The ministry published the plan. It funds a national model. A third sentence follows here.",
        "The ministry published the plan. It funds a national model.")]
    [InlineData("Dr. Kim of the U.S. office said the decree, e.g. Art. 5, applies from 2.5 years on. Second one here. Third.",
        "Dr. Kim of the U.S. office said the decree, e.g. Art. 5, applies from 2.5 years on. Second one here.")]
    [InlineData("総務省はAI基本計画を公表した。国産の大規模言語モデルを開発する。三つ目の文。", "総務省はAI基本計画を公表した。国産の大規模言語モデルを開発する。")]
    [InlineData("과학기술정보통신부는 시행령을 확정했다. 고영향 AI를 규제한다. 세 번째.", "과학기술정보통신부는 시행령을 확정했다. 고영향 AI를 규제한다.")]
    [InlineData("أعلنت الوزارة عن الاستراتيجية؟ نعم بالتأكيد؟ ثالثة.", "أعلنت الوزارة عن الاستراتيجية؟ نعم بالتأكيد؟")]
    [InlineData("One short sentence without an end", "One short sentence without an end")]
    public void CutsAfterOneOrTwoSentences(string text, string expected) => Assert.Equal(expected, SummaryCutter.Cut(text));

    [Fact]
    public void KeepsOnlyTheFirstSentenceWhenTwoDoNotFit()
    {
        var first = "The government announced " + new string('a', 200) + " today.";
        Assert.Equal(first, SummaryCutter.Cut(first + " " + "Then " + new string('b', 200) + "."));
    }

    [Fact]
    public void CutsAtAWordWithAnEllipsisWhenNoSentenceEndFits()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));
        var cut = SummaryCutter.Cut(text);

        Assert.EndsWith("word…", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= SummaryCutter.MaxLength + 1);
    }

    [Fact]
    public void DropsARepeatOfTheTitle() =>
        Assert.Equal("The decree takes effect in January.",
            SummaryCutter.Cut("Korea finalises AI decree\n\nThe decree takes effect in January.", "Korea finalises AI decree"));
}
