using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The shipped <c>config/taxonomy.yaml</c> (with its learned model), loaded once for all tests.</summary>
internal static class ShippedClassifier
{
    private static readonly Lazy<AnnouncementClassifier> Lazy = new(() =>
    {
        var (taxonomy, problems) = TaxonomyLoader.Load(TaxonomyPath);
        Assert.Empty(problems);
        return new AnnouncementClassifier(taxonomy!);
    });

    /// <summary>The classifier built from the shipped configuration.</summary>
    public static AnnouncementClassifier Instance => Lazy.Value;

    /// <summary>Path of <c>config/taxonomy.yaml</c> in the repository this test runs from.</summary>
    public static string TaxonomyPath => Path.Combine(RepositoryRoot(), "config", "taxonomy.yaml");

    /// <summary>Classifies a title and text with the shipped classifier.</summary>
    public static ClassificationResult Classify(string title, string text = "", string? sourceCountry = null, string? url = null)
        => Instance.Classify(new ClassificationInput(title, text, url, null, sourceCountry));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Monitor.sln not found above the test directory");
    }
}
