using System.Text.RegularExpressions;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Digest;

/// <summary>
/// Why an item matched, in words a reader can check against the text: the matched phrases, and the evidence for each
/// topic and country. Built from the classifier's recorded reasons; learned-feature weights, off-topic notes, rule names
/// and the LLM's notes are left out. Pure.
/// </summary>
public sealed partial record MatchExplanation(
    IReadOnlyList<string> Phrases,
    IReadOnlyList<(string Topic, IReadOnlyList<string> Phrases)> Topics,
    IReadOnlyList<(string Country, string Evidence)> Countries)
{
    /// <summary>Most phrases quoted in one line.</summary>
    public const int MaxPhrases = 6;

    /// <summary>True when there is nothing to say.</summary>
    public bool IsEmpty => Phrases.Count == 0 && Topics.Count == 0 && Countries.Count == 0;

    /// <summary>Reads reasons such as <c>topic:regulation "enforcement decree"</c>, <c>country:JP "総務省"</c>,
    /// <c>country:FR (source)</c>, <c>country:SN "Senegal" (web address)</c>, <c>context "LLM"</c>, <c>model:HyperCLOVA X "HyperCLOVA X"</c>. Taxonomy terms are
    /// shown as the words they matched in <paramref name="text"/> (<c>large language model*</c> → "large language models").</summary>
    public static MatchExplanation From(IEnumerable<string> reasons, string? text = null)
    {
        var phrases = new List<string>();
        var topics = new List<(string Topic, List<string> Phrases)>();
        var countries = new List<(string Country, string Evidence)>();
        foreach (var reason in reasons)
        {
            var match = Reason().Match(reason.Trim());
            if (!match.Success)
            {
                continue;
            }

            var kind = match.Groups["kind"].Value;
            var arg = match.Groups["arg"].Value;
            // A phrase of nothing but control characters cleans to nothing: as if there were none.
            var phrase = match.Groups["phrase"].Success ? Clean(AsWritten(match.Groups["phrase"].Value, text)) : null;
            phrase = phrase is { Length: 0 } ? null : phrase;
            var basis = match.Groups["basis"].Success ? match.Groups["basis"].Value : null;
            switch (kind)
            {
                case "context" or "model" when phrase is not null:
                    Add(phrases, phrase);
                    break;
                case "topic" when phrase is not null && Classification.Topics.IsKnown(arg):
                    var name = TopicNames.Of(arg);
                    var index = topics.FindIndex(t => t.Topic == name);
                    if (index < 0)
                    {
                        topics.Add((name, [phrase]));
                    }
                    else
                    {
                        Add(topics[index].Phrases, phrase);
                    }

                    break;
                case "country" when arg.Length is 2 or 3:
                    var country = CountryNames.Of(arg.ToUpperInvariant());
                    if (countries.Any(c => c.Country == country))
                    {
                        break;
                    }

                    if (phrase is not null)
                    {
                        // A name read in the web address, not the text: said so, or the reader looks for it in vain.
                        countries.Add((country, basis == "web address" ? $"{Quote(phrase)} in the web address" : Quote(phrase)));
                    }
                    else if (basis is { } b && Bases.TryGetValue(b, out var words))
                    {
                        countries.Add((country, words));
                    }

                    break;
            }
        }

        // A phrase already shown as a topic's evidence is not repeated among the general mentions, and a phrase inside a
        // longer one of the same list ("language model" beside "large language model", ガイド beside ガイドライン) says
        // nothing the longer one does not.
        var shownTopics = topics.Select(t => (t.Topic, (IReadOnlyList<string>)Widest(t.Phrases).Take(3).ToList())).ToList();
        var shown = shownTopics.SelectMany(t => t.Item2).ToList();
        return new MatchExplanation(
            Widest(phrases).Where(p => !shown.Any(q => Within(p, q))).Take(MaxPhrases).ToList(),
            shownTopics,
            countries);
    }

    /// <summary>One line, e.g. <c>“sovereign AI”, “enforcement decree” · Regulation: “enforcement decree” · South Korea: “과학기술정보통신부”</c>.</summary>
    public string ToLine()
    {
        var parts = new List<string>();
        if (Phrases.Count > 0)
        {
            parts.Add("mentions " + string.Join(", ", Phrases.Select(Quote)));
        }

        parts.AddRange(Topics.Select(t => $"{t.Topic}: {string.Join(", ", t.Phrases.Select(Quote))}"));
        parts.AddRange(Countries.Select(c => $"{c.Country}: {c.Evidence}"));
        return string.Join(" · ", parts);
    }

    /// <summary>A phrase in typographic quotes.</summary>
    public static string Quote(string phrase) => $"“{phrase}”";

    private static readonly Dictionary<string, string> Bases = new(StringComparer.Ordinal)
    {
        ["source"] = "the source's country",
        ["web address"] = "the web address",
        ["language"] = "the language of the text",
    };

    /// <summary>The words a taxonomy term matched in <paramref name="text"/>: its markers (<c>*</c> for no word boundary,
    /// a leading <c>=</c> for case-sensitive) resolved to the text's own spelling; the bare term when the text does not
    /// show it.</summary>
    public static string AsWritten(string term, string? text)
    {
        var core = term.TrimStart('=');
        var open = core.StartsWith('*');
        var close = core.EndsWith('*');
        core = core.Trim('*').Trim();
        if (core.Length == 0 || string.IsNullOrEmpty(text))
        {
            return core;
        }

        var (at, length) = Find(core, text);
        if (at < 0)
        {
            return core;
        }

        var start = at;
        var end = at + length;
        while (open && start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            start--;
        }

        while (close && end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    // Where the text writes the term: as it is, or (the classifier reads hyphens and runs of spaces as one space) with
    // "fine tun" written "fine-tuning" or "Open  Source"; (-1, 0) when neither.
    private static (int At, int Length) Find(string core, string text)
    {
        var at = text.IndexOf(core, StringComparison.OrdinalIgnoreCase);
        if (at >= 0 || !core.Contains(' ', StringComparison.Ordinal))
        {
            return (at, core.Length);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (MatchAt(core, text, i) is var length and > 0)
            {
                return (i, length);
            }
        }

        return (-1, 0);
    }

    // Length of the text at i that spells core with any run of separators for each of its spaces, or 0.
    private static int MatchAt(string core, string text, int i)
    {
        var t = i;
        foreach (var c in core)
        {
            if (c == ' ')
            {
                var from = t;
                while (t < text.Length && IsSeparator(text[t]))
                {
                    t++;
                }

                if (t == from)
                {
                    return 0;
                }
            }
            else if (t >= text.Length || char.ToUpperInvariant(text[t++]) != char.ToUpperInvariant(c))
            {
                return 0;
            }
        }

        return t - i;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '_' or (>= '\u2010' and <= '\u2015');

    private static List<string> Widest(List<string> phrases) =>
        phrases.Where(p => !phrases.Any(q => q.Length > p.Length && Within(p, q))).ToList();

    // True when inner is outer, or one of its words or runs of words (any run of characters in scripts written without
    // spaces), ignoring case.
    private static bool Within(string inner, string outer)
    {
        if (inner.Length == 0)
        {
            return true;
        }

        for (var at = outer.IndexOf(inner, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = outer.IndexOf(inner, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + inner.Length;
            if (Bounded(outer, at - 1, inner[0]) && Bounded(outer, end, inner[^1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Bounded(string s, int i, char edge) =>
        i < 0 || i >= s.Length || !char.IsLetterOrDigit(s[i]) || Classification.Scripts.IsCjk(s[i]) || Classification.Scripts.IsCjk(edge);

    private static void Add(List<string> list, string phrase)
    {
        if (!list.Contains(phrase, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(phrase);
        }
    }

    // Phrases come from source text: no control characters, bounded length.
    private static string Clean(string phrase)
    {
        var flat = new string(phrase.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return flat.Length <= 80 ? flat : flat[..77] + "…";
    }

    [GeneratedRegex("""^(?<kind>context|topic|country|model)(:(?<arg>[^ "(]+(?: [^ "(]+)*))?\s*(?:"(?<phrase>[^"]+)")?\s*(?:\((?<basis>[^)]+)\))?$""")]
    private static partial Regex Reason();
}
