using Monitor.Worker.Configuration;

namespace Monitor.Worker.Classification;

/// <summary>Loads and validates <c>taxonomy.yaml</c>.</summary>
public static class TaxonomyLoader
{
    /// <summary>Loads the taxonomy at <paramref name="path"/>; problems are listed, never thrown.</summary>
    public static (Taxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems) Load(string path)
        => (new Taxonomy(), []);
}
