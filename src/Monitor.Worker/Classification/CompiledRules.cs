namespace Monitor.Worker.Classification;

/// <summary>The taxonomy compiled into one <see cref="TermMatcher"/> plus a role per pattern, so one pass over the
/// text finds context terms, topic terms, exclusions, gazetteer names and model aliases together.</summary>
internal sealed class CompiledRules
{
    private const double AgencyWeight = 1.5;
    private const double NameWeight = 1.0;
    private const double DemonymWeight = 0.7;
    private const double CapitalWeight = 0.5;
    private const double CompanyWeight = 0.8;
    // A shared institution name ("Bundesrat": DE, AT, CH) is kept apart and only added to countries with other evidence.
    private const double SharedWeight = 0.45;
    // A sum of money weighs like "budget": evidence of investment that a single mention does not decide alone.
    private const double AmountWeight = 1.2;
    private static readonly int InvestmentIndex = IndexOfTopic(Topics.Investment);

    private readonly List<Role> _roles = [];
    private readonly List<string> _terms = [];
    private readonly List<string> _keys = [];
    private readonly HashSet<(string Key, RoleKind Kind, int Index, string? Code)> _unique = [];
    private readonly List<HashSet<string>> _cancels = [];
    private readonly Taxonomy _taxonomy;

    /// <summary>Compiles <paramref name="taxonomy"/>.</summary>
    public CompiledRules(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        foreach (var t in taxonomy.Context)
        {
            AddRole(t.Text, new Role(RoleKind.Context, -1, t.Weight, null));
        }

        foreach (var t in taxonomy.OffTopic)
        {
            AddRole(t.Text, new Role(RoleKind.OffTopic, -1, t.Weight, null));
        }

        foreach (var t in taxonomy.PublicSector)
        {
            AddRole(t.Text, new Role(RoleKind.PublicSector, -1, t.Weight, null));
        }

        foreach (var e in taxonomy.Exclusions)
        {
            AddRole(e, new Role(RoleKind.Exclusion, -1, 0, null));
        }

        foreach (var rule in taxonomy.ContextRules)
        {
            var index = _cancels.Count;
            _cancels.Add(rule.Cancel.Select(KeyOf).ToHashSet(StringComparer.Ordinal));
            foreach (var trigger in rule.IfAny)
            {
                AddRole(trigger, new Role(RoleKind.Veto, index, 0, null));
            }
        }

        foreach (var topic in taxonomy.Topics)
        {
            var index = IndexOfTopic(topic.Id);
            foreach (var t in topic.Terms)
            {
                AddRole(t.Text, new Role(RoleKind.Topic, index, t.Weight, null));
            }

            foreach (var e in topic.Exclusions)
            {
                AddRole(e, new Role(RoleKind.TopicExclusion, index, 0, null));
            }
        }

        foreach (var c in taxonomy.Countries)
        {
            AddCountry(c.Agencies, c.Code, AgencyWeight, names: true);
            AddCountry(c.Names, c.Code, NameWeight, names: true);
            AddCountry(c.Demonyms, c.Code, DemonymWeight, names: false);
            AddCountry(c.Capitals, c.Code, CapitalWeight, names: false);
            AddCountry(c.Companies, c.Code, CompanyWeight, names: true, company: true);
            foreach (var t in c.SharedNames)
            {
                AddRole(t, new Role(RoleKind.SharedCountry, -1, SharedWeight, c.Code));
            }
        }

        for (var m = 0; m < taxonomy.Models.Count; m++)
        {
            foreach (var a in taxonomy.Models[m].Aliases)
            {
                AddRole(a, new Role(RoleKind.Model, m, 1, null));
            }

            foreach (var a in taxonomy.Models[m].Ambiguous)
            {
                AddRole(a, new Role(RoleKind.AmbiguousModel, m, 1, null));
            }
        }

        Matcher = new TermMatcher(_terms);
    }

    /// <summary>The automaton over every pattern.</summary>
    public TermMatcher Matcher { get; }

    /// <summary>Turns raw matches into evidence: drops excluded spans, applies title and lead weighting, gates
    /// ambiguous model names on nearby AI context.</summary>
    public RuleEvidence Collect(NormalizedText text, List<TermMatch> matches)
    {
        var evidence = new RuleEvidence();
        // Scratch collections of this thread, emptied on entry: a new set of them per item was a tenth of the time.
        var scratch = t_scratch ??= new Scratch();
        var seen = scratch.Begin(_roles.Count);
        var (excluded, countrySpans, contextPositions) = (scratch.Excluded, scratch.CountrySpans, scratch.ContextPositions);
        HashSet<string>? cancelled = null;
        foreach (var m in matches)
        {
            var role = _roles[m.Pattern];
            if (role.Kind is RoleKind.Exclusion or RoleKind.TopicExclusion)
            {
                excluded.Add((m.Start, m.End, role.Kind == RoleKind.Exclusion ? -1 : role.Index));
            }
            else if (role.Kind is RoleKind.Country or RoleKind.SharedCountry && !role.Company)
            {
                countrySpans.Add((m.Start, m.End, role.Code!));
            }
            else if (role.Kind == RoleKind.Veto)
            {
                (cancelled ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(_cancels[role.Index]);
            }
        }

        if (cancelled is not null)
        {
            matches = matches.FindAll(m => !cancelled.Contains(_keys[m.Pattern]));
        }

        var contextOccurrences = 0;
        var shared = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var role = _roles[m.Pattern];
            if (role.Kind is RoleKind.Exclusion or RoleKind.TopicExclusion or RoleKind.Veto || IsExcluded(excluded, m, role)
                || (role.Kind is RoleKind.Country or RoleKind.SharedCountry && IsInsideOtherCountry(countrySpans, m, role.Code!)))
            {
                continue;
            }

            var inTitle = m.Start < text.TitleLength;
            var first = seen[m.Pattern] != scratch.Item;
            seen[m.Pattern] = scratch.Item;
            var term = _terms[m.Pattern];
            switch (role.Kind)
            {
                case RoleKind.Context:
                    contextPositions.Add(m.Start);
                    contextOccurrences++;
                    if (first)
                    {
                        evidence.Context += role.Weight * (inTitle ? 1.5 : 1.0);
                        evidence.ContextTerms.Add(term);
                    }
                    else if (inTitle)
                    {
                        evidence.Context += role.Weight * 0.5;
                    }

                    break;
                case RoleKind.OffTopic:
                    if (first)
                    {
                        evidence.OffTopic += role.Weight * (inTitle ? 1.5 : 1.0);
                        evidence.OffTopicTerms.Add(term);
                    }

                    break;
                case RoleKind.PublicSector:
                    CountPublicActor(evidence, role, m, first, inTitle, scratch.ActorSpans);

                    break;
                case RoleKind.Topic:
                    evidence.TopicScores[role.Index] += first ? role.Weight * (inTitle ? 1.5 : 1.0) : role.Weight * 0.15;
                    if (first)
                    {
                        evidence.TopicTerms[role.Index].Add(term);
                    }

                    break;
                case RoleKind.Country or RoleKind.SharedCountry:
                    var position = inTitle ? 2.0 : m.Start - text.TitleLength < 400 ? 1.5 : 1.0;
                    var add = first ? role.Weight * position : role.Weight * 0.3;
                    var scores = role.Kind == RoleKind.Country ? evidence.CountryScores : shared;
                    scores[role.Code!] = scores.GetValueOrDefault(role.Code!) + add;
                    CountPublicActor(evidence, role, m, first, inTitle, scratch.ActorSpans);

                    if (role.Kind == RoleKind.Country)
                    {
                        evidence.CountryTerms.TryAdd(role.Code!, term);
                        // Named in the title by its own name, an institution or a company (a demonym or a capital only
                        // describes): the item is about that country, however many others it names.
                        if (inTitle && role.NamesCountry)
                        {
                            evidence.TitleCountries.Add(role.Code!);
                        }

                    }

                    break;
            }
        }

        // Repeated mentions make an item more about AI, but with diminishing returns.
        evidence.Context += Math.Min(1.5, 0.2 * Math.Max(0, contextOccurrences - evidence.ContextTerms.Count));
        CollectModels(text, matches, excluded, contextPositions, evidence);
        CollectAmounts(text, evidence);
        foreach (var (code, score) in shared)
        {
            // However often it is repeated, a shared name never brings a country in; it strengthens one named otherwise.
            if (evidence.CountryScores.ContainsKey(code))
            {
                evidence.CountryScores[code] += score;
            }
        }

        return evidence;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Per-thread working collections of <see cref="Collect"/>; nothing in them outlives one call.</summary>
    private sealed class Scratch
    {
        public List<(int Start, int End, int Topic)> Excluded { get; } = new(16);

        public List<(int Start, int End, string Code)> CountrySpans { get; } = new(64);

        public List<int> ContextPositions { get; } = new(64);

        /// <summary>The spans of public actors counted in this item (a shared name is one pattern per country).</summary>
        public HashSet<(int Start, int End)> ActorSpans { get; } = new(16);

        /// <summary>Per term, the number of the last item that matched it: "seen in this item" without clearing a set.</summary>
        public int[] Seen { get; private set; } = [];

        /// <summary>The number of the item being collected.</summary>
        public int Item { get; private set; }

        /// <summary>Starts a new item over <paramref name="terms"/> terms: empties the lists; returns the per-term stamps.</summary>
        public int[] Begin(int terms)
        {
            Excluded.Clear();
            CountrySpans.Clear();
            ContextPositions.Clear();
            ActorSpans.Clear();
            if (Seen.Length != terms || Item == int.MaxValue)
            {
                // Another taxonomy (a reload, a test's own) or the counter's end: start the stamps afresh.
                Seen = new int[terms];
                Item = 0;
            }

            Item++;
            return Seen;
        }
    }

    private void CollectModels(NormalizedText text, List<TermMatch> matches, List<(int Start, int End, int Topic)> excluded,
        List<int> contextPositions, RuleEvidence evidence)
    {
        var window = _taxonomy.ModelContextWindow;
        foreach (var m in matches)
        {
            var role = _roles[m.Pattern];
            if (role.Kind is not (RoleKind.Model or RoleKind.AmbiguousModel) || IsExcluded(excluded, m, role))
            {
                continue;
            }

            // A model name that is also a rocket, a storm or a bird counts only next to an AI term.
            if (role.Kind == RoleKind.AmbiguousModel
                && !contextPositions.Exists(p => p >= m.Start - window && p <= m.End + window && (p < m.Start || p >= m.End)))
            {
                continue;
            }

            var model = _taxonomy.Models[role.Index];
            if (evidence.Models.TryAdd(model.Name, _terms[m.Pattern]))
            {
                var inTitle = m.Start < text.TitleLength;
                evidence.ModelInTitle |= inTitle;
                evidence.TopicScores[IndexOfTopic(Topics.Model)] += inTitle ? 3 : 2;
                evidence.CountryScores[model.Country] = evidence.CountryScores.GetValueOrDefault(model.Country) + (inTitle ? 1.5 : 0.8);
                evidence.CountryTerms.TryAdd(model.Country, model.Name);
            }
        }
    }

    /// <summary>Sums of money ("$500m", "1兆円", "10,370 करोड़ रुपये") as investment evidence, shown as written.</summary>
    private static void CollectAmounts(NormalizedText text, RuleEvidence evidence)
    {
        var first = true;
        foreach (var (start, end) in MoneyAmounts.Find(text.Folded))
        {
            var inTitle = start < text.TitleLength;
            evidence.TopicScores[InvestmentIndex] += first ? AmountWeight * (inTitle ? 1.5 : 1.0) : AmountWeight * 0.15;
            var written = text.Cased[start..end];
            if (evidence.TopicTerms[InvestmentIndex].Count + evidence.Amounts.Count < 6 && !evidence.Amounts.Contains(written))
            {
                evidence.Amounts.Add(written);
            }

            first = false;
        }
    }

    /// <summary>A gazetteer name strictly inside another country's longer name or institution is part of it: the EU's
    /// "AI Office" in Malaysia's "National AI Office". A company's name is not such a frame: Google DeepMind is both
    /// Google's (US) and DeepMind's (GB).</summary>
    private static bool IsInsideOtherCountry(List<(int Start, int End, string Code)> spans, TermMatch m, string code)
    {
        foreach (var (start, end, other) in spans)
        {
            if (m.Start >= start && m.End <= end && m.End - m.Start < end - start && !string.Equals(other, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcluded(List<(int Start, int End, int Topic)> excluded, TermMatch m, Role role)
    {
        foreach (var (start, end, topic) in excluded)
        {
            // Strictly inside: "North Korea" cancels "Korea" but not itself, should it also be a gazetteer name.
            if (m.Start >= start && m.End <= end && m.End - m.Start < end - start
                && (topic == -1 || (role.Kind == RoleKind.Topic && topic == role.Index)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of a topic in <see cref="Topics.All"/>.</summary>
    public static int IndexOfTopic(string id)
    {
        for (var i = 0; i < Topics.All.Count; i++)
        {
            if (Topics.All[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Counts a public actor's first mention: a name listed under several countries (a shared name) or for two
    /// purposes is one pattern per use, so the same words count once.</summary>
    private static void CountPublicActor(RuleEvidence evidence, Role role, TermMatch m, bool first, bool inTitle, HashSet<(int Start, int End)> actors)
    {
        if (first && role.PublicActor && actors.Add((m.Start, m.End)))
        {
            evidence.PublicActors += inTitle ? 2 : 1;
        }
    }

    private void AddCountry(IReadOnlyList<string> terms, string code, double weight, bool names, bool company = false)
    {
        foreach (var t in terms)
        {
            AddRole(t, new Role(RoleKind.Country, -1, weight, code, names, company));
        }
    }

    private void AddRole(string term, Role role)
    {
        // The same folded term listed twice for one purpose (الذكاء / ذكاء after article folding) counts once.
        var trimmed = term.Trim();
        var shape = $"{(trimmed.StartsWith('=') ? "=" : "")}{(trimmed.TrimStart('=').StartsWith('*') ? "*" : "")}{KeyOf(term)}{(trimmed.EndsWith('*') ? "*" : "")}";
        if (!_unique.Add((shape, role.Kind, role.Index, role.Code)))
        {
            return;
        }

        _terms.Add(term);
        _keys.Add(KeyOf(term));
        _roles.Add(role);
    }

    /// <summary>The folded form under which a term is matched, so rules can name terms as curators wrote them.</summary>
    private static string KeyOf(string term) => TextNormalizer.Fold(TextNormalizer.NormalizeTerm(term.Trim().TrimStart('=').Trim('*')));

    private enum RoleKind
    {
        Context,
        OffTopic,
        PublicSector,
        Exclusion,
        Veto,
        Topic,
        TopicExclusion,
        Country,
        SharedCountry,
        Model,
        AmbiguousModel,
    }

    /// <summary>What a pattern means. <paramref name="NamesCountry"/>: a gazetteer name, institution or company (which
    /// names its country), as opposed to a demonym or capital (which only describe one). <paramref name="Company"/>: a
    /// company of that country.</summary>
    private sealed record Role(RoleKind Kind, int Index, double Weight, string? Code, bool NamesCountry = false, bool Company = false)
    {
        /// <summary>A state or public body an item may speak of: a public-sector word, a shared institution name, or a
        /// country's own name or agency (a gazetteer term that names its country and is not a company).</summary>
        public bool PublicActor => Kind is RoleKind.PublicSector or RoleKind.SharedCountry
            || (Kind == RoleKind.Country && NamesCountry && !Company);
    }
}
