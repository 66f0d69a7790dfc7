namespace Monitor.Worker.Classification;

/// <summary>Classifies announcements by the taxonomy's rules. Pure and thread-safe once built.</summary>
public sealed class AnnouncementClassifier(Taxonomy taxonomy)
{
    /// <summary>The taxonomy this classifier applies.</summary>
    public Taxonomy Taxonomy { get; } = taxonomy;

    /// <summary>Classifies one announcement.</summary>
    public ClassificationResult Classify(ClassificationInput input)
        => new(false, 0, [], input.SourceCountry is null ? [] : [input.SourceCountry], [], []);
}
