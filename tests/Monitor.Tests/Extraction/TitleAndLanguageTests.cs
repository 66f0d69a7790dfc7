using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class TitleAndLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("EU adopts AI Act | European Parliament News", "EU adopts AI Act")]
    [InlineData("Ministry unveils sovereign model - Tech - The Daily Ledger", "Ministry unveils sovereign model")]
    [InlineData("Daily Ledger » Ministry unveils sovereign model", "Ministry unveils sovereign model")]
    [InlineData("A title without any site name", "A title without any site name")]
    public void StripsSiteNameFromDocumentTitle(string title, string expected)
        => Assert.Equal(expected, TitleExtractor.StripSite(title));

    [Fact]
    public void SkipsLogoHeadingForTheArticleHeading()
    {
        var html = "<html><head><title>Seelenradio » Nummer zwei: Leo</title></head><body>"
            + "<div class=\"site-logo\"><h1>Seelenradio</h1></div><article><h2>Nummer zwei: Leo</h2>"
            + "<p>Ein langer Absatz über das zweite Kapitel, damit die Seite einen Text hat, der gefunden werden kann.</p></article></body></html>";

        Assert.Equal("Nummer zwei: Leo", ArticleExtractor.Extract(html, null, Now).Title);
    }

    [Fact]
    public void CutsKickerFromHeadingWhenMetaTitleIsTheHeadline()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"Brothel busted in Boston\"></head><body>"
            + "<h1>Local News | Brothel busted in Boston</h1><p>Police said on Tuesday that the investigation lasted for months.</p></body></html>";

        Assert.Equal("Brothel busted in Boston", ArticleExtractor.Extract(html, null, Now).Title);
    }

    [Theory]
    [InlineData("Die Bundesregierung hat am Mittwoch eine neue Strategie für künstliche Intelligenz beschlossen, die auch den Aufbau von Rechenzentren vorsieht.", "de")]
    [InlineData("The government said on Wednesday that it would fund a national language model for the public sector and for the universities.", "en")]
    [InlineData("Le gouvernement a annoncé mercredi le financement d'un modèle de langue national pour les administrations et les universités.", "fr")]
    [InlineData("El gobierno anunció el miércoles la financiación de un modelo de lenguaje nacional para las administraciones y las universidades.", "es")]
    [InlineData("Rząd ogłosił w środę, że sfinansuje krajowy model językowy dla administracji i uczelni, a także dla firm.", "pl")]
    [InlineData("Правительство в среду объявило, что будет финансировать национальную языковую модель для государственных учреждений и для университетов.", "ru")]
    [InlineData("政府は水曜日、行政機関と大学のための国産言語モデルの開発を支援すると発表した。", "ja")]
    [InlineData("政府周三宣布，将为公共部门和大学资助开发国家语言模型。", "zh")]
    [InlineData("정부는 수요일 공공 부문과 대학을 위한 국가 언어 모델 개발을 지원한다고 발표했다.", "ko")]
    [InlineData("أعلنت الحكومة يوم الأربعاء أنها ستمول نموذجا لغويا وطنيا للقطاع العام والجامعات.", "ar")]
    [InlineData("הממשלה הודיעה ביום רביעי כי תממן מודל שפה לאומי עבור המגזר הציבורי והאוניברסיטאות.", "he")]
    public void DetectsLanguageFromText(string text, string expected)
        => Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void CorrectsDeclaredLanguageThatContradictsTheScript()
    {
        var html = "<html lang=\"en\"><body><h1>政府発表</h1><p>政府は水曜日、行政機関と大学のための国産言語モデルの開発を支援すると発表した。計算資源と学習データを無償で提供する。</p></body></html>";

        Assert.Equal("ja", ArticleExtractor.Extract(html, null, Now).Language);
    }

    [Fact]
    public void KeepsDeclaredRegionlessLanguage()
    {
        var html = "<html lang=\"de-AT\"><body><h1>Bericht</h1><p>Kurz.</p></body></html>";

        Assert.Equal("de", ArticleExtractor.Extract(html, null, Now).Language);
    }
}
