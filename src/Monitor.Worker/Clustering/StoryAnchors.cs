using System.Globalization;
using System.Text;

namespace Monitor.Worker.Clustering;

/// <summary>
/// The anchors of a report: what survives rewriting and translation of the same release. Numbers of three or more
/// digits (group separators dropped: "10,372" and "10372" are one anchor; years left out), and names written in Latin
/// letters that stand out: acronyms (PIF, KAIST, LLM), mixed forms (IndiaAI, B200, HyperCLOVA) and capitalised words
/// inside a sentence. Words that many titles share (<see cref="CommonTitleTokens"/>) are not anchors. Pure.
/// </summary>
public static class StoryAnchors
{
    /// <summary>Most anchors kept per report (the rarest-looking first: longer, then by hash).</summary>
    public const int MaxAnchors = 24;

    /// <summary>The anchors of <paramref name="title"/> and the start of <paramref name="text"/>, lower-cased, in the global key order.</summary>
    public static string[] Of(string title, string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Scan(title, found);
        Scan(text.Length > 4000 ? text[..4000] : text, found);
        return InKeyOrder(found).Take(MaxAnchors).ToArray();
    }

    /// <summary>Anchors in the one global order that keys are taken in: longer first, then by hash.</summary>
    public static IEnumerable<string> InKeyOrder(IEnumerable<string> anchors) =>
        anchors.OrderByDescending(a => a.Length).ThenBy(StoryKeys.TokenHash);

    private static void Scan(string text, HashSet<string> found)
    {
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var number = new StringBuilder();
                while (i < text.Length && (char.IsDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && number.Length > 0)))
                {
                    if (text[i] != ',')
                    {
                        number.Append(text[i]);
                    }

                    i++;
                }

                AddNumber(number.ToString(), found);
                sentenceStart = false;
                continue;
            }

            if (IsLatinLetter(c))
            {
                var start = i;
                while (i < text.Length && (IsLatinLetter(text[i]) || char.IsDigit(text[i])))
                {
                    i++;
                }

                AddWord(text[start..i], sentenceStart, found);
                sentenceStart = false;
                continue;
            }

            if (c is '.' or '!' or '?' or '\n' or '。' or '।' or ':' or '"' or '“' or '«')
            {
                sentenceStart = true;
            }
            else if (char.IsLetter(c))
            {
                sentenceStart = false;
            }

            i++;
        }
    }

    private static void AddNumber(string number, HashSet<string> found)
    {
        var digits = number.Count(char.IsDigit);
        if (digits < 3)
        {
            return;
        }

        if (digits == 4 && !number.Contains('.', StringComparison.Ordinal)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            return;
        }

        found.Add(number.TrimEnd('.'));
    }

    private static void AddWord(string word, bool sentenceStart, HashSet<string> found)
    {
        if (word.Length < 2)
        {
            return;
        }

        var upper = word.Count(char.IsUpper);
        var hasDigit = word.Any(char.IsDigit);
        var acronym = upper >= 2;
        var mixed = hasDigit && word.Any(char.IsLetter);
        var name = upper == 1 && char.IsUpper(word[0]) && !sentenceStart && word.Length >= 4;
        if (!(acronym || mixed || name))
        {
            return;
        }

        var lower = word.ToLowerInvariant();
        if (!CommonTitleTokens.Set.Contains(lower))
        {
            found.Add(lower);
        }
    }

    private static bool IsLatinLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
