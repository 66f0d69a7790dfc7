namespace Monitor.Worker.Classification;

/// <summary>A gazetteer entry: the names under which a country (or EU / INT body) appears in text.</summary>
/// <param name="Code">ISO 3166-1 alpha-2, EU or INT.</param>
/// <param name="Names">Country names in any language (weight 1).</param>
/// <param name="Demonyms">Adjectives of nationality (weight 0.7).</param>
/// <param name="Capitals">Capitals used as metonyms for governments (weight 0.5).</param>
/// <param name="Agencies">Ministries, agencies, parliaments, states and national organisations (weight 1.5).</param>
public sealed record TaxonomyCountry(
    string Code,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Agencies);
