namespace Monitor.Worker.Classification;

/// <summary>The very last country hint: languages spoken as a national language in one country only (Japanese, Korean,
/// Thai, Hebrew, Vietnamese, Polish, Italian, Dutch, Hindi...), from the item's language tag or, failing that, its
/// script (kana, Hangul, Thai, Hebrew). English, Spanish, French, Arabic, Chinese, German, Portuguese say nothing.</summary>
internal static class LanguageCountry
{
    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ja"] = "JP", ["ko"] = "KR", ["th"] = "TH", ["he"] = "IL", ["vi"] = "VN", ["pl"] = "PL", ["it"] = "IT",
        ["nl"] = "NL", ["hi"] = "IN", ["uk"] = "UA", ["el"] = "GR", ["cs"] = "CZ", ["hu"] = "HU", ["fi"] = "FI",
        ["sv"] = "SE", ["da"] = "DK", ["nb"] = "NO", ["no"] = "NO", ["bg"] = "BG", ["ro"] = "RO", ["tr"] = "TR",
        ["id"] = "ID", ["ms"] = "MY", ["kk"] = "KZ", ["fa"] = "IR",
    };

    /// <summary>Country code for the language tag (e.g. <c>ja</c>, <c>ko-KR</c>) or the dominant script, or null.</summary>
    public static string? From(string? language, NormalizedText text)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            var primary = language.Split('-', '_')[0].Trim();
            return ByLanguage.GetValueOrDefault(primary);
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
}
