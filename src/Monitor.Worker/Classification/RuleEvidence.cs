namespace Monitor.Worker.Classification;

/// <summary>What the taxonomy's rules found in one announcement: weighted scores and the matched terms behind them.</summary>
internal sealed class RuleEvidence
{
    /// <summary>Weighted AI-context score.</summary>
    public double Context { get; set; }

    /// <summary>Weighted off-topic (business/consumer news) score.</summary>
    public double OffTopic { get; set; }

    /// <summary>Distinct off-topic terms found.</summary>
    public List<string> OffTopicTerms { get; } = [];

    /// <summary>Distinct context terms found.</summary>
    public List<string> ContextTerms { get; } = [];

    /// <summary>Weighted score per topic, in <see cref="Topics.All"/> order.</summary>
    public double[] TopicScores { get; } = new double[Topics.All.Count];

    /// <summary>Distinct taxonomy terms per topic, in <see cref="Topics.All"/> order.</summary>
    public List<string>[] TopicTerms { get; } = Topics.All.Select(_ => new List<string>()).ToArray();

    /// <summary>Sums of money found ("$500m", "1兆円"), as written: investment evidence kept apart from the taxonomy's
    /// terms, which the statistical layer weighs one by one.</summary>
    public List<string> Amounts { get; } = [];

    /// <summary>The terms behind topic <paramref name="topic"/>'s score, sums of money included, for <c>reasons</c>.</summary>
    public IEnumerable<string> ShownTerms(int topic) =>
        Topics.All[topic] == Topics.Investment ? TopicTerms[topic].Concat(Amounts) : TopicTerms[topic];

    /// <summary>Weighted score per country code.</summary>
    public Dictionary<string, double> CountryScores { get; } = new(StringComparer.Ordinal);

    /// <summary>Countries the title names by a country name, an institution or a company (not a demonym, capital or
    /// shared name).</summary>
    public HashSet<string> TitleCountries { get; } = new(StringComparer.Ordinal);

    /// <summary>The first term that matched per country code.</summary>
    public Dictionary<string, string> CountryTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct public actors named, a title's counting double: countries by their names, the gazetteer's
    /// agencies and shared institution names (ministries, regulators, parliaments, public universities, regions) and the
    /// taxonomy's public-sector words (government, ministry, 政府). Whether the item speaks of states, in any language.</summary>
    public double PublicActors { get; set; }

    /// <summary>Whether the title names a tracked model.</summary>
    public bool ModelInTitle { get; set; }

    /// <summary>Tracked models found, canonical name → the alias seen.</summary>
    public Dictionary<string, string> Models { get; } = new(StringComparer.Ordinal);
}
