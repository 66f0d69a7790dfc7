namespace Monitor.Worker.Classification;

/// <summary>A gazetteer entry: the names under which a country (or EU / INT body) appears in text.</summary>
/// <param name="Code">ISO 3166-1 alpha-2, EU or INT.</param>
/// <param name="Names">Country names in any language (weight 1).</param>
/// <param name="Demonyms">Adjectives of nationality (weight 0.7).</param>
/// <param name="Capitals">Capitals used as metonyms for governments (weight 0.5).</param>
/// <param name="Agencies">Ministries, agencies, parliaments, states, public labs and universities (weight 1.5).</param>
/// <param name="Companies">Companies and private labs (weight 0.8): an item about a firm is about its country, but a
/// foreign supplier named next to a government should not outweigh that government.</param>
public sealed record TaxonomyCountry(
    string Code,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Companies);
