using Monitor.Worker.Classification;

namespace Monitor.Worker.Sources;

/// <summary>The validated sources and the classifier built from the taxonomy, as loaded at start-up.</summary>
public sealed class SourceCatalog(IReadOnlyList<SourceDefinition> sources, AnnouncementClassifier classifier)
{
    public IReadOnlyList<SourceDefinition> Sources { get; } = sources;

    public AnnouncementClassifier Classifier { get; } = classifier;

    /// <summary>The source with <paramref name="id"/>, or null.</summary>
    public SourceDefinition? Find(string id) => Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}
