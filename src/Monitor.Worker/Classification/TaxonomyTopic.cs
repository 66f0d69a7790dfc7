namespace Monitor.Worker.Classification;

/// <summary>A topic's terms and exclusions.</summary>
/// <param name="Id">One of the eight identifiers of <see cref="Classification.Topics"/>.</param>
/// <param name="Terms">Weighted terms, all languages together.</param>
/// <param name="Exclusions">Phrases whose span cancels this topic's term matches inside it.</param>
public sealed record TaxonomyTopic(string Id, IReadOnlyList<TaxonomyTerm> Terms, IReadOnlyList<string> Exclusions);
