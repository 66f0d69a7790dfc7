namespace Monitor.Worker.Classification;

/// <summary>Finds every taxonomy term in one pass over the folded text (Aho-Corasick), then keeps the matches
/// whose boundaries suit their script and whose case matches for case-sensitive acronyms.</summary>
/// <remarks>One automaton for all terms keeps classification linear in the text length whatever the taxonomy size.
/// Built once; <see cref="FindAll"/> only reads, so one matcher serves any number of threads.</remarks>
internal sealed class TermMatcher
{
    // Transitions past the root, frozen once built: the lookup on every character of every text past the root.
    private readonly System.Collections.Frozen.FrozenDictionary<long, int> _next;

    // Most characters of a text start no term: a dense table for the root state saves a hash lookup for each of them.
    private readonly int[] _root = new int[char.MaxValue + 1];
    private readonly int[] _fail;
    private readonly int[][] _outputs;
    private readonly Pattern[] _patterns;

    // Slot of the automaton -> taxonomy term: a Russian noun's stem ("армени" of "Армения") is a second slot of its term.
    private readonly int[] _termOf;

    /// <summary>Builds the automaton over <paramref name="terms"/> written as in the taxonomy (with optional <c>*</c>).</summary>
    public TermMatcher(IReadOnlyList<string> terms)
    {
        var patterns = new List<Pattern>(terms.Count);
        var termOf = new List<int>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var p = Pattern.Parse(terms[i]);
            patterns.Add(p);
            termOf.Add(i);
            if (p.RussianStem() is { } stem)
            {
                patterns.Add(stem);
                termOf.Add(i);
            }
        }

        _patterns = [.. patterns];
        _termOf = [.. termOf];
        var transitions = new Dictionary<long, int>();
        var outputs = new List<List<int>> { new() };
        for (var i = 0; i < _patterns.Length; i++)
        {
            var p = _patterns[i];
            if (p.Folded.Length == 0)
            {
                continue;
            }

            var state = 0;
            foreach (var ch in p.Folded)
            {
                if (!transitions.TryGetValue(Key(state, ch), out var next))
                {
                    next = outputs.Count;
                    outputs.Add([]);
                    transitions[Key(state, ch)] = next;
                }

                state = next;
            }

            outputs[state].Add(i);
        }

        _fail = new int[outputs.Count];
        var children = new List<(int Child, char Ch)>[outputs.Count];
        foreach (var (key, child) in transitions)
        {
            var parent = (int)(key >> 16);
            (children[parent] ??= []).Add((child, (char)(key & 0xFFFF)));
        }

        // Breadth-first so every failure link points at a state whose own link is already known.
        var queue = new Queue<int>();
        foreach (var (child, _) in children[0] ?? [])
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            outputs[s].AddRange(outputs[_fail[s]]);
            foreach (var (child, ch) in children[s] ?? [])
            {
                var f = _fail[s];
                while (f != 0 && !transitions.ContainsKey(Key(f, ch)))
                {
                    f = _fail[f];
                }

                _fail[child] = transitions.TryGetValue(Key(f, ch), out var target) && target != child ? target : 0;
                queue.Enqueue(child);
            }
        }

        _outputs = outputs.Select(o => o.Distinct().ToArray()).ToArray();
        foreach (var (child, ch) in children[0] ?? [])
        {
            _root[ch] = child;
        }

        _next = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(transitions);
    }

    /// <summary>Appends every well-bounded match in <paramref name="text"/> to <paramref name="into"/>.</summary>
    public void FindAll(NormalizedText text, List<TermMatch> into)
    {
        var folded = text.Folded;
        var state = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var ch = folded[i];
            var next = 0;
            while (state != 0 && !_next.TryGetValue(Key(state, ch), out next))
            {
                state = _fail[state];
            }

            state = state == 0 ? _root[ch] : next;
            if (state == 0)
            {
                continue;
            }

            foreach (var id in _outputs[state])
            {
                var p = _patterns[id];
                var start = i + 1 - p.Folded.Length;
                if (p.Accepts(text, start, i + 1))
                {
                    into.Add(new TermMatch(_termOf[id], start, i + 1));
                }
            }
        }
    }

    private static long Key(int state, char ch) => ((long)state << 16) | ch;

    /// <summary>A prepared term (<c>=Act</c>: case-sensitive; <c>*</c> at either end: no word boundary there): folded key, case form, and which sides need a word boundary.</summary>
    private sealed record Pattern(string Folded, string? Cased, bool LeftFree, bool RightFree, char? Dropped = null)
    {
        public static Pattern Parse(string raw)
        {
            var t = raw.Trim();
            var exact = t.StartsWith('=');
            t = t.TrimStart('=');
            var leftFree = t.StartsWith('*');
            var rightFree = t.EndsWith('*');
            t = t.Trim('*');
            var cased = TextNormalizer.NormalizeTerm(t);
            var folded = TextNormalizer.Fold(cased);
            return new Pattern(folded, exact || IsCaseSensitive(cased) ? cased : null, leftFree, rightFree);
        }

        /// <summary>Russian nouns in -а, -я, -й, -ь change their last letter in other cases ("Армения", "в Армению",
        /// "Арменией"; "Китай", "Китая"): their stem is matched too, but only when a case ending follows it.
        /// Short words and acronyms ("США") are left alone.</summary>
        public Pattern? RussianStem()
        {
            if (RightFree || LeftFree || Cased is not null || Dropped is not null || Folded.Length < 5
                || Folded[^1] is not ('а' or 'я' or 'й' or 'ь') || !Scripts.IsCyrillic(Folded[^2]))
            {
                return null;
            }

            return this with { Folded = Folded[..^1], Dropped = Folded[^1] };
        }

        /// <summary>Short all-capital acronyms ("US", "UN", "AI", "KI", "IA") match only in capitals.</summary>
        public static bool IsCaseSensitive(string term)
        {
            if (term.Length is < 2 or > 5)
            {
                return false;
            }

            var letters = 0;
            foreach (var ch in term)
            {
                if (ch is >= 'A' and <= 'Z')
                {
                    letters++;
                }
                else if (ch is not (>= '0' and <= '9'))
                {
                    return false;
                }
            }

            return letters >= 2;
        }

        public bool Accepts(NormalizedText text, int start, int end)
        {
            if (Cased is not null && string.CompareOrdinal(text.Cased, start, Cased, 0, Cased.Length) != 0)
            {
                return false;
            }

            if (Dropped is { } dropped)
            {
                // The full word is its own slot: here only another ending counts. A stem that ends the text (a text cut
                // at its length limit inside a word) has no ending.
                var f = text.Folded;
                if (end >= f.Length || !LeftBounded(f, start, Folded[0]) || !Scripts.IsRussianCaseEnding(f, end))
                {
                    return false;
                }

                var sameWord = end + 1 == f.Length || !Scripts.IsWord(f[end + 1]);
                return !(sameWord && f[end] == dropped);
            }

            return (LeftFree || LeftBounded(text.Folded, start, Folded[0]))
                && (RightFree || RightBounded(text.Folded, end, Folded[^1]));
        }

        private static bool LeftBounded(string s, int start, char first)
        {
            // A term that begins or ends with a mark ("英、") carries its own boundary there.
            if (Scripts.IsCjk(first) || !Scripts.IsWord(first) || start == 0 || !Scripts.IsWord(s[start - 1]) || Scripts.IsCjk(s[start - 1]))
            {
                return true;
            }

            // Arabic writes "and", "with", "for" as letters glued to the next word: وبالذكاء still contains الذكاء.
            if (Scripts.IsArabic(first))
            {
                var i = start - 1;
                var n = 0;
                while (i >= 0 && n < 2 && Scripts.IsArabicProclitic(s[i]))
                {
                    i--;
                    n++;
                }

                return n > 0 && (i < 0 || !Scripts.IsWord(s[i]));
            }

            return false;
        }

        private static bool RightBounded(string s, int end, char last) =>
            Scripts.IsCjk(last) || !Scripts.IsWord(last) || end == s.Length || !Scripts.IsWord(s[end]) || Scripts.IsCjk(s[end])
            || (Scripts.IsCyrillic(last) && Scripts.IsRussianCaseEnding(s, end));
    }
}
