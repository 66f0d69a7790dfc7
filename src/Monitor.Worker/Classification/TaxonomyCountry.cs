namespace Monitor.Worker.Classification;

/// <summary>A gazetteer entry: the names under which a country (or EU / INT body) appears in text.</summary>
/// <param name="Code">ISO 3166-1 alpha-2, EU or INT.</param>
/// <param name="Names">Country names in any language (weight 1).</param>
/// <param name="Demonyms">Adjectives of nationality (weight 0.7).</param>
/// <param name="Capitals">Capitals used as metonyms for governments (weight 0.5).</param>
/// <param name="Agencies">Ministries, agencies, parliaments, states, public labs and universities (weight 1.5).</param>
/// <param name="Companies">Companies and private labs (weight 0.8): an item about a firm is about its country, but a
/// foreign supplier named next to a government should not outweigh that government.</param>
/// <param name="Shared">Institution names several countries use ("Bundesrat": DE, AT, CH; "federal government"; "عمان"
/// is Amman and, unvowelled, Oman) — weight 0.45, listed under each country they may mean: they add to a country the
/// item names otherwise but never decide one alone.</param>
public sealed record TaxonomyCountry(
    string Code,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string>? Shared = null)
{
    /// <summary>The shared institution names (empty when none are listed).</summary>
    public IReadOnlyList<string> SharedNames => Shared ?? [];
}
