namespace Monitor.Worker.Classification;

/// <summary>The very last country hint: languages spoken as a national language in one country only (Japanese, Korean,
/// Thai, Hebrew, Vietnamese, Polish, Italian, Dutch, Hindi...), from the item's language tag or, failing that, its
/// script (kana, Hangul, Thai, Hebrew). English, Spanish, French, Arabic, German, Portuguese say nothing; Chinese says
/// China only when written in simplified characters (traditional script is Taiwan's and Hong Kong's).</summary>
internal static class LanguageCountry
{
    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ja"] = "JP", ["ko"] = "KR", ["th"] = "TH", ["he"] = "IL", ["vi"] = "VN", ["pl"] = "PL", ["it"] = "IT",
        ["nl"] = "NL", ["hi"] = "IN", ["uk"] = "UA", ["el"] = "GR", ["cs"] = "CZ", ["hu"] = "HU", ["fi"] = "FI",
        ["sv"] = "SE", ["da"] = "DK", ["nb"] = "NO", ["no"] = "NO", ["bg"] = "BG", ["ro"] = "RO", ["tr"] = "TR",
        ["id"] = "ID", ["ms"] = "MY", ["kk"] = "KZ", ["fa"] = "IR",
    };

    // Common characters whose simplified and traditional forms differ (这/這, 国/國, 发/發 ...), in matching order.
    private const string Simplified = "这国发们说经对时为会实现动产业与关开长门问见东车来还进过级应区体";
    private const string Traditional = "這國發們說經對時為會實現動產業與關開長門問見東車來還進過級應區體";

    /// <summary>Country code for the language tag (e.g. <c>ja</c>, <c>ko-KR</c>) or the dominant script, or null.</summary>
    public static string? From(string? language, NormalizedText text)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            var primary = language.Split('-', '_')[0].Trim();
            return primary.Equals("zh", StringComparison.OrdinalIgnoreCase) ? FromChineseScript(text.Folded)
                : ByLanguage.GetValueOrDefault(primary);
        }

        int kana = 0, hangul = 0, thai = 0, hebrew = 0;
        foreach (var c in text.Folded)
        {
            kana += c is >= '\u3040' and <= '\u30FF' ? 1 : 0;
            hangul += c is >= '\uAC00' and <= '\uD7AF' ? 1 : 0;
            thai += c is >= '\u0E00' and <= '\u0E7F' ? 1 : 0;
            hebrew += c is >= '\u0590' and <= '\u05FF' ? 1 : 0;
        }

        var threshold = Math.Max(5, text.Folded.Length / 10);
        return kana >= threshold ? "JP" : hangul >= threshold ? "KR" : thai >= threshold ? "TH" : hebrew >= threshold ? "IL" : null;
    }

    /// <summary>China for Chinese in simplified characters (at least three simplified forms and more than traditional
    /// ones, so a single borrowed character decides nothing); null for traditional script (Taiwan, Hong Kong).</summary>
    private static string? FromChineseScript(string s)
    {
        int simplified = 0, traditional = 0;
        foreach (var c in s)
        {
            simplified += Simplified.Contains(c) && !Traditional.Contains(c) ? 1 : 0;
            traditional += Traditional.Contains(c) && !Simplified.Contains(c) ? 1 : 0;
        }

        return simplified >= 3 && simplified > traditional ? "CN" : null;
    }
}
