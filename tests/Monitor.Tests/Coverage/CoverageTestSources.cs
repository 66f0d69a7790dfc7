using Monitor.Worker.Sources;

namespace Monitor.Tests.Coverage;

/// <summary>Small source definitions for the coverage tests.</summary>
internal static class CoverageTestSources
{
    public static SourceDefinition Source(
        string id, string country, SourcePublisher publisher = SourcePublisher.Official, bool enabled = true,
        SourceKind kind = SourceKind.Feed, SourceFormat? format = SourceFormat.Rss, string? notes = "V — seen") => new()
    {
        Id = id,
        Name = id.ToUpperInvariant(),
        Url = new Uri($"https://{id}.example.org/feed"),
        Country = country,
        Language = "en",
        Kind = kind,
        Format = format,
        Publisher = publisher,
        Enabled = enabled,
        Notes = notes,
    };
}
