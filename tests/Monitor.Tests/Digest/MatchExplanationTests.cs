using Monitor.Worker.Digest;

namespace Monitor.Tests.Digest;

public sealed class MatchExplanationTests
{
    [Fact]
    public void KeepsPhrasesTopicAndCountryEvidenceAndDropsModelInternals()
    {
        var line = MatchExplanation.From(
        [
            "context \"LLM\"", "learned:relevant \"with\" +0.20", "learned:relevant \"rules:ctx\" +3.81", "topic:regulation \"enforcement decree\"",
            "topic:regulation \"AI Basic Act\"", "learned:regulation \"decre\" +1.10", "country:KR \"과학기술정보통신부\"", "off-topic \"earnings\"",
            "llm: relevant (gpt-4o-mini)", "country:KR (source)",
        ]).ToLine();

        Assert.Equal("mentions “LLM” · Regulation: “enforcement decree”, “AI Basic Act” · South Korea: “과학기술정보통신부”", line);
    }

    [Theory]
    [InlineData("country:FR (source)", "France: the source's country")]
    [InlineData("country:JP (web address)", "Japan: the web address")]
    [InlineData("country:SN \"Senegal\" (web address)", "Senegal: “Senegal” in the web address")]
    [InlineData("country:DE (language)", "Germany: the language of the text")]
    [InlineData("country:EU \"European Commission\"", "European Union: “European Commission”")]
    [InlineData("country:INT \"OECD\"", "International bodies: “OECD”")]
    public void CountryEvidenceIsWrittenOut(string reason, string expected) =>
        Assert.Equal(expected, MatchExplanation.From([reason]).ToLine());

    // A phrase inside a longer one of its list adds nothing; a word that only looks inside another ("Act" in "contract")
    // stays.
    [Fact]
    public void APhraseInsideALongerOneOfItsListIsLeftOut()
    {
        var line = MatchExplanation.From(
        [
            "context \"AI\"", "context \"large language model\"", "context \"language model\"", "context \"generative AI\"",
            "topic:regulation \"ガイド\"", "topic:regulation \"ガイドライン\"", "topic:regulation \"Act\"", "topic:regulation \"contract\"",
            "topic:model \"LLM\"", "context \"LLMs\"",
        ]).ToLine();

        Assert.Equal("mentions “large language model”, “generative AI”, “LLMs” · Regulation: “ガイドライン”, “Act”, “contract” · National models: “LLM”", line);
    }

    [Fact]
    public void APhraseOfControlCharactersAloneIsNoPhrase()
    {
        var line = MatchExplanation.From(["context \"\u0007\"", "topic:model \"\u0001\u0002\"", "topic:model \"LLM\"", "country:KR \"\u0007\" (source)"]).ToLine();

        Assert.Equal("National models: “LLM” · South Korea: the source's country", line);
    }

    [Fact]
    public void NamedModelsAreQuotedPhrases() =>
        Assert.Equal("mentions “HyperCLOVA X”", MatchExplanation.From(["model:HyperCLOVA X \"HyperCLOVA X\""]).ToLine());

    [Fact]
    public void NothingCheckableGivesAnEmptyLine() =>
        Assert.True(MatchExplanation.From(["learned:relevant \"ai\" +2.00", "llm: skipped (daily budget used)", "garbage"]).IsEmpty);

    [Fact]
    public void ControlCharactersAndLongPhrasesFromSourcesAreCleaned()
    {
        var line = MatchExplanation.From([$"context \"a\u0007b\"", $"topic:model \"{new string('x', 200)}\""]).ToLine();

        Assert.DoesNotContain("\u0007", line, StringComparison.Ordinal);
        Assert.Contains("“ab”", line, StringComparison.Ordinal);
        Assert.True(line.Length < 250);
    }

    [Theory]
    [InlineData("large language model*", "Japan releases national Large Language Models today", "Large Language Models")]
    [InlineData("*LLM", "the nationalLLM project", "nationalLLM")]
    [InlineData("=AI", "an AI law", "AI")]
    [InlineData("enforcement decree", "no such words here", "enforcement decree")]
    [InlineData("sovereign AI*", null, "sovereign AI")]
    // The classifier reads a hyphen as a space: the reader sees the hyphen.
    [InlineData("fine tun*", "for training and fine-tuning AI models", "fine-tuning")]
    [InlineData("open source", "an Open\u00a0 Source model", "Open\u00a0 Source")]
    public void TermsAreShownAsTheTextWritesThem(string term, string? text, string expected) =>
        Assert.Equal(expected, MatchExplanation.AsWritten(term, text));
}
