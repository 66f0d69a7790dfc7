namespace Monitor.Worker.Classification;

/// <summary>A tracked national model.</summary>
/// <param name="Name">Canonical name reported in results.</param>
/// <param name="Country">Country code of its developer.</param>
/// <param name="Aliases">Names that identify it on their own (e.g. "falcon 180b", "hyperclova x").</param>
/// <param name="Ambiguous">Names that are ordinary words or other products (Falcon, Typhoon): they count only
/// with an AI/LLM context term within <see cref="Taxonomy.ModelContextWindow"/> characters.</param>
public sealed record TaxonomyModel(string Name, string Country, IReadOnlyList<string> Aliases, IReadOnlyList<string> Ambiguous);
