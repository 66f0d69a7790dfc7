using System.Globalization;
using System.Text;

namespace Monitor.Worker.Clustering;

/// <summary>
/// The anchors of a report: what survives rewriting and translation of the same release. Numbers of three or more
/// digits in any script (group separators dropped: "10,372", "10372" and "१०३७२" are one anchor; years left out), and
/// names written in Latin letters that stand out: acronyms (PIF, KAIST, LLM), mixed forms (IndiaAI, B200, HyperCLOVA)
/// and capitalised words inside a sentence, each in a spelling-independent form (<see cref="Skeleton"/>), and runs of
/// capitalised words that name something ("AI Security Institute"). Words that many titles share
/// (<see cref="CommonTitleTokens"/>) are not anchors alone. Pure.
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
        var phrase = new List<string>();
        var strong = false;
        void EndPhrase()
        {
            AddPhrase(phrase, strong, found);
            phrase.Clear();
            strong = false;
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                EndPhrase();
                var number = new StringBuilder();
                while (i < text.Length && (char.IsDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && number.Length > 0)))
                {
                    // Digits of any script (Devanagari, Arabic-Indic, full-width...) are written as ASCII digits.
                    if (char.IsDigit(text[i]))
                    {
                        number.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(text[i])));
                    }
                    else if (text[i] != ',')
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

                var word = text[start..i];
                var kind = AddWord(word, sentenceStart, found);
                if (word.Length >= 2 && (kind is WordKind.Acronym or WordKind.Mixed || (kind == WordKind.Capitalised && !sentenceStart)))
                {
                    phrase.Add(word);
                    strong |= kind != WordKind.Capitalised;
                }
                else if (phrase.Count > 0 && Connectors.Contains(word))
                {
                    phrase.Add(word);
                }
                else
                {
                    EndPhrase();
                }

                sentenceStart = false;
                continue;
            }

            if (c != ' ')
            {
                EndPhrase();
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

        EndPhrase();
    }

    // Lower-case words that may join the names of one phrase ("Ministry of Science and ICT", "Mohammed bin Salman").
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "on", "de", "du", "des", "la", "le", "del", "bin", "ben", "al", "von", "van", "der" };

    // A run of capitalised names is a name in its own right ("AI Security Institute", "Munich Security Conference"), even
    // when each word is common. Two words alone are too often a title or a place ("Prime Minister", "New Delhi") unless
    // one is an acronym or a mixed form ("SK Telecom").
    private static void AddPhrase(List<string> phrase, bool strong, HashSet<string> found)
    {
        var end = phrase.Count;
        while (end > 0 && Connectors.Contains(phrase[end - 1]))
        {
            end--;
        }

        var names = phrase.Take(end).Count(w => !Connectors.Contains(w));
        if (names >= 3 || (names == 2 && strong))
        {
            found.Add(string.Join('_', phrase.Take(end)).ToLowerInvariant());
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

    private enum WordKind
    {
        Other,
        Capitalised,
        Acronym,
        Mixed,
    }

    // Adds the word's anchor when it stands out; says what kind of word it is (for phrases).
    private static WordKind AddWord(string word, bool sentenceStart, HashSet<string> found)
    {
        var upper = word.Count(char.IsUpper);
        var hasDigit = word.Any(char.IsDigit);
        var kind = hasDigit && word.Any(char.IsLetter) ? WordKind.Mixed
            : upper >= 2 ? WordKind.Acronym
            : upper == 1 && char.IsUpper(word[0]) ? WordKind.Capitalised
            : WordKind.Other;
        if (word.Length < 2 || kind == WordKind.Other || (kind == WordKind.Capitalised && (sentenceStart || word.Length < 4)))
        {
            return kind;
        }

        var lower = word.ToLowerInvariant();
        if (!CommonTitleTokens.Set.Contains(lower))
        {
            // Names spelt one way in one language and another in the next get their skeleton; forms whose case or
            // digits carry the name (IndiaAI, GPUs, B200) are kept as written.
            var plain = kind == WordKind.Capitalised || (kind == WordKind.Acronym && upper == word.Length);
            found.Add(plain ? Skeleton(lower) : lower);
        }

        return kind;
    }

    /// <summary>
    /// A spelling-independent form of a name: its first letter, then its consonants with repeats collapsed (vowels and
    /// y dropped), so transliterations agree: Salman and Salmane, Mohammed and Muhammad, Arabia and Arabie. Names whose
    /// form would be shorter than three letters keep their spelling.
    /// </summary>
    public static string Skeleton(string lower)
    {
        var skeleton = new StringBuilder(lower.Length);
        skeleton.Append(lower[0]);
        for (var i = 1; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || c == skeleton[^1])
            {
                continue;
            }

            skeleton.Append(c);
        }

        return skeleton.Length >= 3 ? skeleton.ToString() : lower;
    }

    private static bool IsLatinLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
