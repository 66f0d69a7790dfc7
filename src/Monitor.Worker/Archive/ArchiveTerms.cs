using System.Globalization;
using System.Text;
using Monitor.Worker.Classification;

namespace Monitor.Worker.Archive;

/// <summary>
/// The terms an announcement is listed under in the archive, and the words of a search. Pure: the same function fills
/// the index when an announcement is stored and decides, in memory, whether another report of a story matches a filter.
/// </summary>
/// <remarks>
/// Words come from the title, its English gloss and the summary (not the full text, which retention may drop): lower
/// case, NFKC, Latin diacritics folded ("régulation" finds "regulation"), at least two letters; Chinese, Japanese,
/// Korean and Thai runs become overlapping pairs of characters, as they are written without spaces.
/// </remarks>
public static class ArchiveTerms
{
    /// <summary>The term every relevant announcement is listed under.</summary>
    public const string All = "*";

    /// <summary>Longest term stored; longer words are cut.</summary>
    public const int MaxTermLength = 64;

    /// <summary>Most words indexed per announcement (title words first).</summary>
    public const int MaxWords = 120;

    /// <summary>Most words a search uses.</summary>
    public const int MaxQueryWords = 6;

    public static string Topic(string topic) => "t:" + topic.ToLowerInvariant();

    public static string Country(string code) => "c:" + code.ToUpperInvariant();

    public static string Language(string tag) => "l:" + PrimaryLanguage(tag);

    public static string Word(string word) => "w:" + word;

    /// <summary>The primary subtag, lower case: <c>pt-BR</c> is listed under <c>pt</c>.</summary>
    public static string PrimaryLanguage(string tag)
    {
        var dash = tag.IndexOfAny(['-', '_']);
        return (dash > 0 ? tag[..dash] : tag).Trim().ToLowerInvariant();
    }

    /// <summary>Every term of a relevant announcement; none for one that is not relevant (the archive shows only those).</summary>
    public static IReadOnlyList<string> For(bool relevant, string title, string? titleGloss, string summary, string topics, string countries, string? language)
    {
        if (!relevant)
        {
            return [];
        }

        var terms = new List<string> { All };
        terms.AddRange(Split(topics).Select(Topic));
        terms.AddRange(Split(countries).Select(Country));
        if (!string.IsNullOrWhiteSpace(language))
        {
            terms.Add(Language(language));
        }

        terms.AddRange(Words(title + "\n" + titleGloss + "\n" + summary).Take(MaxWords).Select(Word));
        return terms.Select(t => t.Length > MaxTermLength ? t[..MaxTermLength] : t).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The distinct search words of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = TextNormalizer.Fold(TextNormalizer.NormalizeTerm(text));
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < folded.Length)
        {
            if (!Scripts.IsWord(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var spaced = !IsUnspaced(folded[i]);
            while (i < folded.Length && Scripts.IsWord(folded[i]) && !IsUnspaced(folded[i]) == spaced)
            {
                i++;
            }

            var run = folded[start..i];
            if (spaced)
            {
                var word = FoldLatin(run);
                if (word.Length >= 2 && seen.Add(word))
                {
                    words.Add(word);
                }

                continue;
            }

            var elements = StringInfo.ParseCombiningCharacters(run);
            if (elements.Length == 1 && seen.Add(run))
            {
                words.Add(run);
            }

            for (var e = 0; e + 1 < elements.Length; e++)
            {
                var end = e + 2 < elements.Length ? elements[e + 2] : run.Length;
                var pair = run[elements[e]..end];
                if (seen.Add(pair))
                {
                    words.Add(pair);
                }
            }
        }

        return words;
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Written without spaces between words (Han, kana, Thai...) or with particles attached (Hangul).
    private static bool IsUnspaced(char c) => Scripts.IsCjk(c);

    private static string FoldLatin(string word)
    {
        if (!word.Any(c => c is >= '\u00C0' and <= '\u024F'))
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is >= '\u00C0' and <= '\u024F')
            {
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                    {
                        sb.Append(d);
                    }
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
