using Monitor.Worker.Classification;

namespace Monitor.Worker.Sources;

/// <summary>
/// The validated sources and the classifier built from the taxonomy. Loaded at start-up; the worker replaces both at
/// once when a curator's edit validates (<see cref="Replace"/>), so readers always see one consistent pair.
/// </summary>
public sealed class SourceCatalog(IReadOnlyList<SourceDefinition> sources, AnnouncementClassifier classifier)
{
    private volatile Snapshot _current = new(sources, classifier);

    public IReadOnlyList<SourceDefinition> Sources => _current.Sources;

    public AnnouncementClassifier Classifier => _current.Classifier;

    /// <summary>The source with <paramref name="id"/>, or null.</summary>
    public SourceDefinition? Find(string id) => _current.Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Swaps in a new, already validated configuration.</summary>
    public void Replace(IReadOnlyList<SourceDefinition> sources, AnnouncementClassifier classifier) => _current = new Snapshot(sources, classifier);

    private sealed record Snapshot(IReadOnlyList<SourceDefinition> Sources, AnnouncementClassifier Classifier);
}
