using Monitor.Worker.Classification;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Coverage;

/// <summary>
/// What Monitor watches, country by country: every source (official first) and the curated gaps, with the counts the
/// issue's floor is stated in. Countries are ordered by name, then the EU, then international bodies. Pure.
/// </summary>
public sealed class CoverageReport
{
    private CoverageReport(IReadOnlyList<CoverageRow> rows, IReadOnlyList<CoverageGap> gaps)
    {
        Rows = rows;
        Gaps = gaps;
        var enabled = rows.Where(r => r.Enabled).ToList();
        var official = enabled.Where(r => r.Publisher == SourcePublisher.Official).ToList();
        Enabled = enabled.Count;
        NationalOfficial = official.Count(r => IsNational(r.Country));
        OfficialCountries = official.Where(r => IsNational(r.Country)).Select(r => r.Country).Distinct().Count();
        EuOfficial = official.Count(r => r.Country == CountryCodes.EuropeanUnion);
        InternationalOfficial = official.Count(r => r.Country == CountryCodes.International);
        News = enabled.Count - official.Count;
        NewsCountries = enabled.Where(r => r.Publisher == SourcePublisher.News).Select(r => r.Country).Distinct().Count();
    }

    /// <summary>Every source, ordered by country, official before news, then id.</summary>
    public IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>The curated gaps, ordered by country.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; }

    /// <summary>Sources that are crawled.</summary>
    public int Enabled { get; }

    /// <summary>Enabled official sources of national bodies (not the EU, not international bodies).</summary>
    public int NationalOfficial { get; }

    /// <summary>Countries with at least one enabled official source (EU and INT not counted).</summary>
    public int OfficialCountries { get; }

    /// <summary>Enabled official sources of EU institutions.</summary>
    public int EuOfficial { get; }

    /// <summary>Enabled official sources of international bodies (UN, OECD, Council of Europe...).</summary>
    public int InternationalOfficial { get; }

    /// <summary>Enabled news sources.</summary>
    public int News { get; }

    /// <summary>Countries (or EU / INT) the enabled news sources are based in.</summary>
    public int NewsCountries { get; }

    /// <summary>Builds the report from the loaded sources and gaps.</summary>
    public static CoverageReport Build(IEnumerable<SourceDefinition> sources, IEnumerable<CoverageGap> gaps)
    {
        var rows = sources
            .Select(s => new CoverageRow(
                s.Country, s.Id, s.DisplayName, s.Kind.ToString().ToLowerInvariant(),
                s.Format is { } format ? SourceFormatNames.Label(format) : "unknown",
                s.Publisher, s.Enabled, EvidenceLevel.Of(s.Notes), s.Notes?.Trim() ?? ""))
            .OrderBy(r => CountryOrder(r.Country), StringComparer.Ordinal)
            .ThenBy(r => r.Publisher)
            .ThenBy(r => r.SourceId, StringComparer.Ordinal)
            .ToList();
        var orderedGaps = gaps
            .OrderBy(g => CountryOrder(g.Country), StringComparer.Ordinal)
            .ThenBy(g => g.Body, StringComparer.Ordinal)
            .ToList();
        return new CoverageReport(rows, orderedGaps);
    }

    /// <summary>The label of a country column: <c>Japan (JP)</c>, <c>European Union</c>, <c>International bodies</c>.</summary>
    public static string CountryLabel(string code) =>
        IsNational(code) ? $"{CountryNames.Of(code)} ({code})" : CountryNames.Of(code);

    private static bool IsNational(string code) => code is not (CountryCodes.EuropeanUnion or CountryCodes.International);

    // Countries by name, then the EU, then international bodies ("~" sorts after letters).
    private static string CountryOrder(string code) => code switch
    {
        CountryCodes.EuropeanUnion => "~1",
        CountryCodes.International => "~2",
        _ => CountryNames.Of(code),
    };
}
