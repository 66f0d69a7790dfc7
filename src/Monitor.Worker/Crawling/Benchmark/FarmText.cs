using System.Text;

namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>Deterministic announcement-like text for the benchmark farm: titles and 1–2 KB bodies from a large synthetic
/// vocabulary mixed with the field's own words, so classification and story matching do their real work. Pure.</summary>
internal static class FarmText
{
    private static readonly string[] FieldWords =
    [
        "ministry", "national", "artificial", "intelligence", "AI", "model", "language", "strategy", "government", "sovereign",
        "compute", "data", "regulation", "safety", "institute", "investment", "programme", "research", "public", "digital",
        "announced", "today", "plan", "budget", "agency", "council", "framework", "guidelines", "infrastructure", "talent",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "ten", "vo", "shi", "dar", "ne", "pu", "sol", "gri", "ta", "ven", "mo", "ru", "bel", "qui",
        "sa", "tor", "li", "na", "pre", "del", "zo", "fen", "hu", "mar", "ki", "ost", "ba", "ly", "cor", "ex", "fi", "gan",
    ];

    private static readonly string[] Vocabulary = BuildVocabulary(200_000);

    /// <summary>The title of item <paramref name="item"/> of feed <paramref name="feed"/>.</summary>
    public static string Title(int feed, int item)
    {
        var random = new Random(Seed(feed, item, 1));
        var words = new List<string>();
        var count = random.Next(6, 11);
        for (var i = 0; i < count; i++)
        {
            words.Add(random.Next(4) == 0 ? FieldWords[random.Next(FieldWords.Length)] : Vocabulary[random.Next(Vocabulary.Length)]);
        }

        var title = string.Join(' ', words);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>The body paragraphs (1–2 KB in all) of item <paramref name="item"/> of feed <paramref name="feed"/>.</summary>
    public static List<string> Paragraphs(int feed, int item)
    {
        var random = new Random(Seed(feed, item, 2));
        var target = random.Next(1000, 2000);
        var paragraphs = new List<string>();
        var length = 0;
        while (length < target)
        {
            var sentence = new StringBuilder();
            var paragraph = new StringBuilder();
            for (var s = 0; s < 4 && length + paragraph.Length < target; s++)
            {
                sentence.Clear();
                var words = random.Next(8, 18);
                for (var w = 0; w < words; w++)
                {
                    var word = random.Next(6) == 0 ? FieldWords[random.Next(FieldWords.Length)] : Vocabulary[random.Next(Vocabulary.Length)];
                    sentence.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ". " : " ");
                }

                paragraph.Append(sentence);
            }

            paragraphs.Add(paragraph.ToString().Trim());
            length += paragraph.Length;
        }

        return paragraphs;
    }

    private static int Seed(int feed, int item, int part) => unchecked((feed * 1_000_003) + (item * 7_919) + (part * 104_729)) & 0x7FFFFFFF;

    private static string[] BuildVocabulary(int size)
    {
        var random = new Random(20261206);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var word = new StringBuilder();
            var syllables = random.Next(2, 6);
            for (var i = 0; i < syllables; i++)
            {
                word.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words.Add(word.ToString());
        }

        return [.. words];
    }
}
