using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Sums of money are found as written in each language, and numbers that are not money are left alone.</summary>
public sealed class MoneyAmountsTests
{
    [Theory]
    [InlineData("The UK unveiled a £500m Sovereign AI fund.", "£500m")]
    [InlineData("Israel earmarked NIS 500m for AI research.", "NIS 500m")]
    [InlineData("It commits $70 million to the platform.", "$70 million")]
    [InlineData("The fund invests €2 bn in start-ups.", "€2 bn")]
    [InlineData("Canada adds CA$2 billion for compute.", "CA$2 billion")]
    [InlineData("Un plan de inversión de US$4,070 millones para la IA.", "US$4,070 millones")]
    [InlineData("Son 14 mil millones de pesos para el centro de datos.", "14 mil millones de pesos")]
    [InlineData("Le fonds lève 385 millions d’euros.", "385 millions d'euros")]
    [InlineData("Das Land investiert 20 Millionen Euro in KI.", "20 Millionen Euro")]
    [InlineData("Uno stanziamento di 35,1 miliardi di dollari.", "35,1 miliardi di dollari")]
    [InlineData("O MCTI investe R$ 1,8 bi em supercomputador.", "R$ 1,8 bi")]
    [InlineData("सरकार ने 10,370 करोड़ रुपये के बजट को मंजूरी दी।", "10,370 करोड़ रुपये")]
    [InlineData("The mission gets ₹10,370 crore.", "₹10,370 crore")]
    [InlineData("엔비디아가 최대 14조 원에 달하는 GPU를 공급한다.", "14조 원")]
    [InlineData("정부는 2천억 원을 투입한다.", "2천억 원")]
    [InlineData("政府は5年で1兆円規模の支援を計画。", "1兆円")]
    [InlineData("政府宣布投入超过10亿新加坡元用于人工智能研究。", "10亿新加坡元")]
    [InlineData("استثمار 500 مليار دولار في الذكاء الاصطناعي.", "500 مليار دولار")]
    [InlineData("Правительство выделит гранты до 350 млн рублей.", "350 млн рублей")]
    [InlineData("На программу направят 2,4 млрд рублей.", "2,4 млрд рублей")]
    public void FindsASumOfMoneyAsWritten(string text, string expected)
    {
        var normalized = TextNormalizer.Normalize("", text);

        var (start, end) = Assert.Single(MoneyAmounts.Find(normalized.Folded));

        Assert.Equal(expected, normalized.Cased[start..end]);
    }

    [Theory]
    [InlineData("500 million people use chatbots every week.")]
    [InlineData("The model has 1.8 trillion parameters and 128 GPUs.")]
    [InlineData("5000억 규모의 펀드를 조성한다.")]
    [InlineData("총 26만 장의 그래픽처리장치를 공급한다.")]
    [InlineData("2025年に施行され、10億人が利用する。")]
    [InlineData("The 3 m robot walked 5 km; Mrs 5 and GPT-4 stayed.")]
    [InlineData("Revenue grew 60% in 2024 and 12 countries signed.")]
    public void LeavesNumbersThatAreNotMoney(string text)
    {
        Assert.Empty(MoneyAmounts.Find(TextNormalizer.Normalize("", text).Folded));
    }

    [Fact]
    public void ASumOfMoneyIsInvestmentEvidenceShownAsWritten()
    {
        var result = ShippedClassifier.Classify("Government commits $70m to a national AI research platform",
            "The artificial intelligence platform will serve universities and start-ups.");

        Assert.Contains("investment", result.Topics);
        Assert.Contains("topic:investment \"$70m\"", result.Reasons);
    }
}
