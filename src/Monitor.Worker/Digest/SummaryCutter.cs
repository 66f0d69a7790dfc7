using System.Text.RegularExpressions;

namespace Monitor.Worker.Digest;

/// <summary>A one- or two-sentence summary cut at a sentence boundary (Latin, CJK, Arabic, Devanagari ends). Pure.</summary>
public static partial class SummaryCutter
{
    /// <summary>Longest summary, in characters.</summary>
    public const int MaxLength = 320;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "sec", "para", "fig", "approx", "dept", "gov", "u.s", "u.k", "e.u",
    };

    /// <summary>The first sentence, and the second when both fit in <paramref name="maxLength"/>; without a sentence end
    /// that fits, the first words with an ellipsis. A leading repeat of <paramref name="title"/> is dropped.</summary>
    public static string Cut(string text, string? title = null, int maxLength = MaxLength)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        if (title is { Length: > 8 } && flat.StartsWith(title.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            flat = flat[title.Trim().Length..].TrimStart(' ', '.', ':', '-', '–', '—', '|');
        }

        if (flat.Length == 0)
        {
            return "";
        }

        var ends = SentenceEnds(flat, Math.Min(flat.Length, maxLength + 1));
        if (ends.Count >= 2 && ends[1] <= maxLength)
        {
            return flat[..ends[1]].Trim();
        }

        if (ends.Count >= 1 && ends[0] <= maxLength)
        {
            return flat[..ends[0]].Trim();
        }

        if (flat.Length <= maxLength)
        {
            return flat;
        }

        var cut = flat[..maxLength];
        var space = cut.LastIndexOf(' ');
        return (space > maxLength / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Positions just after each sentence end within the first <paramref name="limit"/> characters.</summary>
    private static List<int> SentenceEnds(string text, int limit)
    {
        var ends = new List<int>();
        for (var i = 0; i < limit && ends.Count < 2; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？' or '؟' or '।' or '॥')
            {
                ends.Add(SkipClosers(text, i + 1));
            }
            else if (c is '.' or '!' or '?' && IsLatinEnd(text, i))
            {
                ends.Add(SkipClosers(text, i + 1));
            }
        }

        return ends;
    }

    // A Latin full stop ends a sentence before a space and a capital, digit or quote, and not after an abbreviation or
    // an initial ("U.S.", "e.g.", "J. Smith") or inside a number ("2.5").
    private static bool IsLatinEnd(string text, int i)
    {
        var next = SkipClosers(text, i + 1);
        if (next >= text.Length)
        {
            return true;
        }

        if (text[next] != ' ' || next + 1 >= text.Length)
        {
            return false;
        }

        var after = text[next + 1];
        if (!(char.IsUpper(after) || char.IsDigit(after) || after is '"' or '“' or '\'' or '(' || char.GetUnicodeCategory(after) == System.Globalization.UnicodeCategory.OtherLetter))
        {
            return false;
        }

        if (text[i] != '.')
        {
            return true;
        }

        var start = i;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text[start..i];
        return !(word.Length == 1 && char.IsUpper(word[0])) && !Abbreviations.Contains(word);
    }

    private static int SkipClosers(string text, int i)
    {
        while (i < text.Length && text[i] is '"' or '”' or '’' or '\'' or ')' or '」' or '』' or '）')
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
