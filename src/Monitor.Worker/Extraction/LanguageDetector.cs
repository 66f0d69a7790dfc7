using System.Collections.Frozen;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Detects the language of a text from its script (CJK, Hangul, Arabic, Hebrew, Cyrillic, Greek, Thai, Devanagari)
/// and, for Latin and Cyrillic text, from profiles of the most frequent function words.
/// </summary>
internal static class LanguageDetector
{
    private const int SampleLength = 3000;

    private static readonly FrozenDictionary<string, string[]> Profiles = new Dictionary<string, string[]>
    {
        ["en"] = ["the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "this", "by", "be", "from", "have", "not"],
        ["de"] = ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "auch"],
        ["fr"] = ["de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans", "par", "sur", "au", "pas", "avec"],
        ["es"] = ["de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "con", "una", "es", "al", "lo", "como", "más"],
        ["it"] = ["di", "e", "il", "la", "che", "in", "per", "un", "è", "del", "della", "non", "una", "con", "le", "si", "da", "al", "dei", "sono"],
        ["pt"] = ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as"],
        ["nl"] = ["de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "die", "aan", "ook", "er", "om", "wordt"],
        ["pl"] = ["i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "a", "po", "co", "tak", "za", "od", "przez", "dla"],
        ["sv"] = ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "var", "jag", "de"],
        ["da"] = ["og", "i", "at", "det", "er", "en", "til", "på", "som", "de", "med", "for", "af", "den", "ikke", "har", "et", "der", "vi", "om"],
        ["no"] = ["og", "i", "det", "er", "på", "til", "som", "en", "å", "for", "med", "av", "at", "har", "ikke", "den", "de", "om", "et", "var"],
        ["fi"] = ["ja", "on", "ei", "että", "se", "oli", "hän", "mutta", "kun", "myös", "ovat", "tai", "joka", "sen", "mukaan", "kuin", "jo", "nyt", "vain", "tämä"],
        ["cs"] = ["a", "se", "na", "v", "je", "že", "to", "s", "z", "do", "o", "jsou", "ve", "k", "pro", "by", "jako", "ale", "za", "také"],
        ["tr"] = ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "en", "gibi", "olan", "ama", "kadar", "sonra", "değil", "ne", "var", "her"],
        ["ro"] = ["și", "de", "în", "la", "a", "cu", "pe", "care", "nu", "din", "o", "să", "mai", "pentru", "un", "este", "sunt", "fost", "au", "ca"],
        ["hu"] = ["a", "az", "és", "hogy", "nem", "is", "egy", "de", "van", "meg", "már", "csak", "el", "mint", "ki", "volt", "ez", "még", "azt", "vagy"],
        ["id"] = ["yang", "dan", "di", "ini", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "itu", "adalah", "ke", "juga", "karena", "oleh", "ada", "bisa", "atau"],
        ["ru"] = ["и", "в", "не", "на", "что", "с", "по", "это", "как", "а", "он", "из", "к", "но", "за", "для", "от", "о", "так", "его"],
        ["uk"] = ["і", "в", "на", "що", "не", "з", "у", "та", "до", "за", "як", "й", "це", "від", "для", "по", "є", "він", "але", "про"],
        ["bg"] = ["и", "на", "в", "за", "да", "се", "е", "от", "с", "не", "че", "са", "по", "това", "как", "които", "към", "но", "още", "при"],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FrozenSet<string>> ProfileSets =
        Profiles.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Detects the language of <paramref name="text"/>, or null when there is too little text.</summary>
    public static string? Detect(string text)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        int latin = 0, han = 0, kana = 0, hangul = 0, arabic = 0, hebrew = 0, cyrillic = 0, greek = 0, thai = 0, devanagari = 0, persian = 0;
        foreach (var c in sample)
        {
            switch (c)
            {
                case < '\u0080' when char.IsAsciiLetter(c): latin++; break;
                case >= '\u00C0' and < '\u0250': latin++; break;
                case >= '\u0370' and < '\u0400': greek++; break;
                case >= '\u0400' and < '\u0530': cyrillic++; break;
                case >= '\u0590' and < '\u0600': hebrew++; break;
                case 'پ' or 'چ' or 'ژ' or 'گ' or 'ک' or 'ی': persian++; arabic++; break;
                case >= '\u0600' and < '\u0780': arabic++; break;
                case >= '\u0900' and < '\u0980': devanagari++; break;
                case >= '\u0E00' and < '\u0E80': thai++; break;
                case >= '\u3040' and < '\u3100': kana++; break;
                case >= '\u4E00' and < '\uA000': han++; break;
                case >= '\uAC00' and < '\uD7B0': hangul++; break;
            }
        }

        var total = latin + han + kana + hangul + arabic + hebrew + cyrillic + greek + thai + devanagari;
        if (total < 20)
        {
            return null;
        }

        if (kana > 0 && kana * 20 >= han + kana)
        {
            return "ja";
        }

        var max = Math.Max(Math.Max(Math.Max(latin, han), Math.Max(hangul, arabic)), Math.Max(Math.Max(hebrew, cyrillic), Math.Max(Math.Max(greek, thai), devanagari)));
        if (max == han) return "zh";
        if (max == hangul) return "ko";
        if (max == arabic) return persian * 10 > arabic ? "fa" : "ar";
        if (max == hebrew) return "he";
        if (max == greek) return "el";
        if (max == thai) return "th";
        if (max == devanagari) return "hi";
        return ByFunctionWords(sample, cyrillic == max);
    }

    /// <summary>The writing system a language tag is written in, to check a declared tag against the text.</summary>
    public static string Script(string language) => language switch
    {
        "zh" => "han",
        "ja" => "ja",
        "ko" => "hangul",
        "ar" or "fa" or "ur" or "ps" => "arabic",
        "he" or "yi" => "hebrew",
        "ru" or "uk" or "bg" or "sr" or "mk" or "be" or "kk" => "cyrillic",
        "el" => "greek",
        "th" => "thai",
        "hi" or "mr" or "ne" => "devanagari",
        _ => "latin",
    };

    /// <summary>The languages whose function-word profile is known.</summary>
    public static bool HasProfile(string language) => Profiles.ContainsKey(language);

    private static string? ByFunctionWords(string sample, bool cyrillic)
    {
        var counts = new Dictionary<string, int>();
        var words = 0;
        foreach (var range in sample.AsSpan().SplitAny(" \t\r\n.,;:!?()[]\"'«»„“”‘’-–—/"))
        {
            var word = sample[range];
            if (word.Length == 0)
            {
                continue;
            }

            words++;
            var lower = word.ToLowerInvariant();
            foreach (var (language, set) in ProfileSets)
            {
                if (set.Contains(lower))
                {
                    counts[language] = counts.GetValueOrDefault(language) + 1;
                }
            }
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (language, count) in counts)
        {
            var isCyrillic = language is "ru" or "uk" or "bg";
            if (isCyrillic == cyrillic && count > bestCount)
            {
                best = language;
                bestCount = count;
            }
        }

        return bestCount >= 3 || (words > 0 && bestCount * 10 >= words) ? best : null;
    }
}
