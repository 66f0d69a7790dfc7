namespace Monitor.Worker.Classification;

/// <summary>The classification rules loaded from <c>config/taxonomy.yaml</c>: immutable once loaded.</summary>
public sealed class Taxonomy
{
    /// <summary>Default minimum score for an item to be relevant and to reach a digest.</summary>
    public const double DefaultDigestThreshold = 0.5;

    /// <summary>Minimum relevance score for an item to count as relevant; also the digest's default minimum score.</summary>
    public double DigestThreshold { get; init; } = DefaultDigestThreshold;

    /// <summary>Minimum combined probability for a topic to be assigned to a relevant item.</summary>
    public double TopicThreshold { get; init; } = 0.5;

    /// <summary>Characters either side of an ambiguous model name within which an AI/LLM context term must occur.</summary>
    public int ModelContextWindow { get; init; } = 160;

    /// <summary>Terms that put an item in an AI context (artificial intelligence, LLM, 人工知能...).</summary>
    public IReadOnlyList<TaxonomyTerm> Context { get; init; } = [];

    /// <summary>Terms of business and consumer news (quarterly earnings, smartphones) that lower relevance: AI named in a
    /// company's results is not AI policy.</summary>
    public IReadOnlyList<TaxonomyTerm> OffTopic { get; init; } = [];

    /// <summary>Words naming a government or a public body in general (government, ministry, parliament, 政府, وزارة...):
    /// with the gazetteer's agencies, what tells the relevance layer that an item speaks of the public sector.</summary>
    public IReadOnlyList<TaxonomyTerm> PublicSector { get; init; } = [];

    /// <summary>Phrases whose span cancels any term match inside it (e.g. "master of laws (llm)").</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Rules that cancel terms in items where a trigger phrase shows another sense.</summary>
    public IReadOnlyList<TaxonomyContextRule> ContextRules { get; init; } = [];

    /// <summary>Per-topic weighted terms, keyed by topic identifier.</summary>
    public IReadOnlyList<TaxonomyTopic> Topics { get; init; } = [];

    /// <summary>The country gazetteer.</summary>
    public IReadOnlyList<TaxonomyCountry> Countries { get; init; } = [];

    /// <summary>Tracked national models.</summary>
    public IReadOnlyList<TaxonomyModel> Models { get; init; } = [];

    /// <summary>The learned statistical layer, when a model file was configured and found.</summary>
    public StatisticalModel? Statistical { get; init; }

    /// <summary>Returns a copy of this taxonomy using <paramref name="model"/> as its statistical layer.</summary>
    public Taxonomy WithStatistical(StatisticalModel? model) => new()
    {
        DigestThreshold = DigestThreshold,
        TopicThreshold = TopicThreshold,
        ModelContextWindow = ModelContextWindow,
        Context = Context,
        OffTopic = OffTopic,
        PublicSector = PublicSector,
        Exclusions = Exclusions,
        ContextRules = ContextRules,
        Topics = Topics,
        Countries = Countries,
        Models = Models,
        Statistical = model,
    };
}
