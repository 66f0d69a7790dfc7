using System.Globalization;
using System.Text;

namespace Monitor.Worker.Classification;

/// <summary>Folds text so that taxonomy terms match however a page writes them: NFKC (full-width Latin and
/// half-width katakana become their ordinary forms), lower case, dashes as spaces, one space between words,
/// Arabic short vowels, tatweel and alef variants removed. Latin diacritics are kept: "régulation" is not "regulation"
/// only when the curator wrote it so, and words like "Förderung" keep their meaning.</summary>
internal static class TextNormalizer
{
    /// <summary>Normalises title and text into one <see cref="NormalizedText"/>, the title first.</summary>
    public static NormalizedText Normalize(string title, string text)
    {
        var cased = new StringBuilder(title.Length + text.Length + 4);
        Append(cased, title);
        cased.Append(" \n ");
        var titleLength = cased.Length;
        Append(cased, text);
        var c = cased.ToString();
        return new NormalizedText(c, Fold(c), titleLength);
    }

    /// <summary>Normalises one term exactly as text is normalised; case kept.</summary>
    public static string NormalizeTerm(string term)
    {
        var sb = new StringBuilder(term.Length);
        Append(sb, term);
        return sb.ToString().Trim();
    }

    /// <summary>Lower-cases with the invariant culture's simple case mapping, which keeps every offset aligned with the
    /// cased string (vectorised for ASCII); char by char should a mapping ever change the length.</summary>
    public static string Fold(string cased)
    {
        var folded = cased.ToLowerInvariant();
        return folded.Length == cased.Length ? folded : FoldByChar(cased);
    }

    private static string FoldByChar(string cased) => string.Create(cased.Length, cased, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.ToLowerInvariant(source[i]);
        }
    });

    private static void Append(StringBuilder sb, string raw)
    {
        if (raw.Length == 0)
        {
            return;
        }

        var s = IsAsciiOnly(raw) ? raw : SafeNormalize(raw);
        var lastWasSpace = sb.Length == 0 || sb[^1] == ' ';
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(s[i]))
            {
                sb.Append(s[i]);
                lastWasSpace = false;
                continue;
            }

            if (Scripts.IsArabic(s[i]) && (sb.Length == 0 || !Scripts.IsWord(sb[^1])))
            {
                i += ArabicArticleLength(s, i);
            }

            var mapped = Map(s[i]);
            if (mapped == '\0')
            {
                continue;
            }

            if (mapped == ' ')
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            sb.Append(mapped);
            lastWasSpace = false;
        }
    }

    /// <summary>Length of a definite article (with an attached "and/so/with/like" or "for") at a word start, so that
    /// الذكاء, والذكاء, بالذكاء and للذكاء all read as ذكاء; 0 when the word is too short to carry one.</summary>
    private static int ArabicArticleLength(string s, int i)
    {
        // Up to two one-letter proclitics (و ف ب ك ل), then ال; or the same before لل (li + al with the alef dropped).
        var n = 0;
        while (n < 2 && i + n < s.Length && s[i + n] is '\u0648' or '\u0641' or '\u0628' or '\u0643' or '\u0644'
               && !At(s, i + n, "\u0644\u0644"))
        {
            n++;
        }

        var length = At(s, i + n, "\u0627\u0644") || At(s, i + n, "\u0644\u0644") ? n + 2 : 0;
        if (length == 0 && n > 0 && At(s, i, "\u0627\u0644"))
        {
            length = 2;
        }

        return length > 0 && i + length + 1 < s.Length && Scripts.IsArabic(s[i + length]) && Scripts.IsArabic(s[i + length + 1]) ? length : 0;
    }

    private static bool At(string s, int i, string prefix) => i >= 0 && i + prefix.Length <= s.Length && string.CompareOrdinal(s, i, prefix, 0, prefix.Length) == 0;

    /// <summary>NFKC, after replacing lone surrogates (which make <see cref="string.Normalize(NormalizationForm)"/> throw).</summary>
    private static string SafeNormalize(string raw)
    {
        try
        {
            return raw.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var chars = raw.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var paired = char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                    : !char.IsLowSurrogate(chars[i]) || (i > 0 && char.IsHighSurrogate(chars[i - 1]));
                if (!paired)
                {
                    chars[i] = '\uFFFD';
                }
                else if (char.IsHighSurrogate(chars[i]))
                {
                    i++;
                }
            }

            return new string(chars).Normalize(NormalizationForm.FormKC);
        }
    }

    private static bool IsAsciiOnly(string s)
    {
        foreach (var ch in s)
        {
            if (ch > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maps one character; <c>'\0'</c> drops it, <c>' '</c> is a word separator.</summary>
    private static char Map(char ch)
    {
        switch (ch)
        {
            case '-' or '_' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FB' or '\u00B7':
                return ' ';
            case '\u2018' or '\u2019' or '\u02BC' or '`':
                return '\'';
            case '\u201C' or '\u201D' or '\u00AB' or '\u00BB':
                return '"';
            case '\u0640' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                return '\0';
            case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                return '\u0627';
            case '\u0649':
                return '\u064A';
        }

        if (ch is >= '\u064B' and <= '\u0652')
        {
            return '\0';
        }

        return char.IsWhiteSpace(ch) || char.GetUnicodeCategory(ch) == UnicodeCategory.Control ? ' ' : ch;
    }
}
