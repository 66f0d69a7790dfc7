namespace Monitor.Worker.Classification;

/// <summary>Finds sums of money in folded text, in the forms announcements write them: a currency sign or code before
/// the number ("$500m", "€2 bn", "US$4,070 millones", "R$ 1,8 bi", "₹10,370 crore", "NIS 500m") or a currency word after
/// it, with or without a magnitude ("10,370 करोड़ रुपये", "14조 원", "1兆円", "10亿新加坡元", "500 مليار دولار",
/// "20 Millionen Euro"). A number with a magnitude but no currency ("500 million people", "5000억 규모") is not money.</summary>
/// <remarks>Pure and allocation-free apart from the result list; it only looks around digit runs, so its cost is
/// linear in the text and small next to term matching.</remarks>
internal static class MoneyAmounts
{
    private const int MaxAmounts = 8;
    // Characters of a place name allowed between a CJK magnitude and its currency (亿 + 新加坡 + 元, 億 + 新台幣).
    private const int MaxCjkGap = 4;

    // Longest first where one is a prefix of another ("us$" before "$", "mil millones" before "millones").
    private static readonly string[] Prefixes =
    [
        "us$", "u.s.$", "a$", "au$", "c$", "ca$", "s$", "r$", "nt$", "hk$", "nz$", "$", "€", "£", "¥", "₹", "₩", "₪", "rs.", "rs",
        "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "inr", "sar", "aed", "nis", "chf", "sgd", "brl", "myr", "idr", "twd", "qar",
    ];

    private static readonly string[] Magnitudes =
    [
        "thousand", "million", "millions", "billion", "billions", "trillion", "trillions", "mn", "bn", "tn", "m", "b", "k",
        "crore", "crores", "lakh", "lakhs", "millionen", "milliarden", "milliarde", "mio.", "mio", "mrd.", "mrd",
        "milliards", "milliard", "mil millones", "millones", "millón", "billones", "milioni", "milione", "miliardi",
        "miliardo", "milhões", "milhão", "bilhões", "bilhão", "bi", "mi", "mil",
        "مليون", "ملايين", "مليار", "مليارات", "تريليون", "करोड़", "करोड", "लाख", "अरब", "млн", "млрд",
        "万亿", "萬億", "亿", "億", "兆", "万", "萬", "千", "억", "조", "만", "천",
    ];

    private static readonly string[] Currencies =
    [
        "us dollars", "dollars", "dollar", "euros", "euro", "pounds", "sterling", "yen", "yuan", "renminbi", "won", "rupees", "rupee",
        "riyals", "riyal", "dirhams", "dirham", "francs", "franc", "reais", "pesos", "shekels", "ringgit", "rupiah",
        "dólares", "dólar", "libras", "yenes", "wons", "rupias", "dollari", "sterline", "dolares", "francos", "franchi",
        "franken", "pfund",
        "دولار", "يورو", "ريال", "درهم", "جنيه", "دينار", "روبية", "रुपये", "रुपए", "रुपया", "डॉलर", "यूरो",
        "美元", "欧元", "歐元", "日元", "韩元", "韓元", "港元", "港币", "港幣", "人民币", "人民幣", "台币", "台幣", "新台币", "新台幣",
        "円", "ドル", "ユーロ", "ウォン", "元", "원", "달러", "유로", "엔", "위안", "руб", "долл",
        "рублей", "рубля", "рубль", "долларов", "доллара", "евро", "гривен", "гривень", "грн", "тенге",
    ];

    private static readonly string[] Connectors = ["de ", "d'", "di ", "of "];

    /// <summary>Spans (start, end) of the sums of money in <paramref name="folded"/>, at most eight, in text order.</summary>
    public static List<(int Start, int End)> Find(string folded)
    {
        var found = new List<(int Start, int End)>();
        var i = 0;
        while (i < folded.Length && found.Count < MaxAmounts)
        {
            if (!char.IsDigit(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var end = NumberEnd(folded, i);
            i = end;
            var prefixStart = PrefixStart(folded, start);
            var after = AfterNumber(folded, end, prefixStart >= 0);
            if (prefixStart >= 0 || after > end)
            {
                found.Add((prefixStart >= 0 ? prefixStart : start, Math.Max(end, after)));
                i = Math.Max(end, after);
            }
        }

        return found;
    }

    /// <summary>End of a number with thousands and decimal separators ("10,370", "1.8", "1 000").</summary>
    private static int NumberEnd(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsDigit(s[i]))
            {
                i++;
            }
            else if (s[i] is '.' or ',' && i + 1 < s.Length && char.IsDigit(s[i + 1]) && i > 0 && char.IsDigit(s[i - 1]))
            {
                i++;
            }
            else if (s[i] == ' ' && i + 3 < s.Length && char.IsDigit(s[i + 1]) && char.IsDigit(s[i + 2]) && char.IsDigit(s[i + 3])
                     && (i + 4 == s.Length || !char.IsDigit(s[i + 4])))
            {
                i += 4;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Start of a currency sign or code right before the number (one space allowed), or -1.</summary>
    private static int PrefixStart(string s, int numberStart)
    {
        var end = numberStart > 0 && s[numberStart - 1] == ' ' ? numberStart - 1 : numberStart;
        if (end == 0)
        {
            return -1;
        }

        var last = s[end - 1];
        foreach (var p in Prefixes)
        {
            var start = end - p.Length;
            // Most numbers follow a letter or a space that ends no prefix: compare the last character first.
            if (p[^1] == last && start >= 0 && string.CompareOrdinal(s, start, p, 0, p.Length) == 0
                && (!char.IsLetter(p[0]) || start == 0 || !Scripts.IsWord(s[start - 1])))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>End of "magnitude? currency" after the number when a currency is found (or a magnitude directly after a
    /// currency sign, as in "$500m"); otherwise <paramref name="numberEnd"/>.</summary>
    private static int AfterNumber(string s, int numberEnd, bool hasPrefix)
    {
        var j = SkipSpace(s, numberEnd);
        var magnitudeEnd = -1;
        // Up to two magnitudes: "2천억 원", "mil millones" is one word-pair in the list.
        for (var k = 0; k < 2; k++)
        {
            var m = Match(s, j, Magnitudes);
            if (m < 0)
            {
                break;
            }

            magnitudeEnd = m;
            j = SkipSpace(s, m);
        }

        foreach (var c in Connectors)
        {
            if (magnitudeEnd > 0 && string.CompareOrdinal(s, j, c, 0, c.Length) == 0)
            {
                j += c.Length;
                break;
            }
        }

        var currencyEnd = Match(s, j, Currencies);
        for (var gap = 1; currencyEnd < 0 && magnitudeEnd > 0 && gap <= MaxCjkGap && j + gap < s.Length && Scripts.IsCjk(s[j + gap - 1]); gap++)
        {
            currencyEnd = Match(s, j + gap, Currencies);
        }

        return currencyEnd > 0 ? currencyEnd : hasPrefix && magnitudeEnd > 0 ? magnitudeEnd : numberEnd;
    }

    private static int SkipSpace(string s, int i) => i < s.Length && s[i] == ' ' ? i + 1 : i;

    /// <summary>End of the first of <paramref name="words"/> found at <paramref name="at"/>, whole words for alphabetic
    /// scripts; -1 when none.</summary>
    private static int Match(string s, int at, string[] words)
    {
        if (at >= s.Length)
        {
            return -1;
        }

        var first = s[at];
        foreach (var w in words)
        {
            var end = at + w.Length;
            // The first character rules out almost every word without a string comparison.
            if (w[0] == first && end <= s.Length && string.CompareOrdinal(s, at, w, 0, w.Length) == 0
                && (Scripts.IsCjk(w[^1]) || end == s.Length || !Scripts.IsWord(s[end])))
            {
                return end;
            }
        }

        return -1;
    }
}
