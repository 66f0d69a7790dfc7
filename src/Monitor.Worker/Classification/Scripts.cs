namespace Monitor.Worker.Classification;

/// <summary>Character classes that decide how a term is bounded: Latin, Cyrillic, Arabic and other alphabetic scripts
/// need word boundaries; Han, kana and Hangul do not (words are not separated, and Korean attaches particles).</summary>
internal static class Scripts
{
    /// <summary>True for letters, digits and combining marks (Devanagari and Thai vowel signs are part of words).</summary>
    public static bool IsWord(char c) => char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>True for scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and for
    /// Hangul, whose words carry attached particles: terms in them match without word boundaries.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF') or (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF')
            or (>= '\u3130' and <= '\u318F') or (>= '\uFF66' and <= '\uFF9F');

    /// <summary>True for Arabic letters.</summary>
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>Arabic one-letter proclitics (and, so, with, for, like, will) that attach to the next word.</summary>
    public static bool IsArabicProclitic(char c) => c is '\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643' or '\u0633';

    /// <summary>True for Cyrillic letters.</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>True when the word going on at <paramref name="end"/> is only a Russian case ending of the word before
    /// it ("в Узбекистане", "школах Узбекистана", "с Казахстаном"): a term written in the nominative then matches its
    /// other cases, as Arabic proclitics are allowed on the left.</summary>
    public static bool IsRussianCaseEnding(string s, int end)
    {
        var stop = end;
        while (stop < s.Length && IsWord(s[stop]))
        {
            stop++;
        }

        return (stop - end) switch
        {
            1 => s[end] is 'а' or 'у' or 'е' or 'ы' or 'и' or 'ю' or 'я',
            2 => s.AsSpan(end, 2) is "ом" or "ем" or "ой" or "ей" or "ам" or "ах" or "ям" or "ях" or "ии" or "ию" or "ия",
            3 => s.AsSpan(end, 3) is "ами" or "ями",
            _ => false,
        };
    }
}
