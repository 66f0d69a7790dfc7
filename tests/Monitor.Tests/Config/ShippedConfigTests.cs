using Microsoft.Extensions.Configuration;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Sources;

namespace Monitor.Tests.Config;

/// <summary>Binds and validates the real files in <c>config/</c>, so a bad commit there fails the build.</summary>
public sealed class ShippedConfigTests
{
    private static ConfigurationCheckResult Check(params string[] jsonFiles)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in jsonFiles)
        {
            builder.AddJsonFile(Path.Combine(RepositoryPaths.Config.Directory, file), optional: false, reloadOnChange: false);
        }

        return ConfigurationCheck.Run(builder.Build(), RepositoryPaths.Config);
    }

    [Fact]
    public void ShippedConfigurationHasNoProblems()
    {
        var result = Check("appsettings.json");

        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
        Assert.True(result.IsValid);
        Assert.NotNull(result.Taxonomy);
    }

    [Fact]
    public void DevelopmentOverridesKeepTheConfigurationValid()
    {
        var result = Check("appsettings.json", "appsettings.Development.json");

        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void SeedsAtLeastTwentySourcesFromTenCountriesAndTheEu()
    {
        var sources = LoadShippedSources();

        Assert.True(sources.Count >= 20, $"only {sources.Count} sources");
        var countries = sources.Select(s => s.Country).Where(c => c is not (CountryCodes.EuropeanUnion or CountryCodes.International)).Distinct().ToList();
        Assert.True(countries.Count >= 10, $"only {countries.Count} countries: {string.Join(", ", countries)}");
        Assert.All(countries, c => Assert.True(CountryCodes.IsKnown(c) && c.Length == 2, $"'{c}' is not an ISO code"));
        Assert.Contains(sources, s => s.Country == CountryCodes.EuropeanUnion);
    }

    [Fact]
    public void EverySourceHasCountryLanguageAndEvidenceNotes()
    {
        Assert.All(LoadShippedSources(), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Country), $"{s.Id}: no country");
            Assert.False(string.IsNullOrWhiteSpace(s.Language), $"{s.Id}: no language");
            Assert.False(string.IsNullOrWhiteSpace(s.Notes), $"{s.Id}: no notes (evidence level)");
            Assert.True(s.Url.Scheme is "https" or "http", $"{s.Id}: {s.Url}");
        });
    }

    [Fact]
    public void SourceIdsAreUnique()
    {
        var duplicates = LoadShippedSources().GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void ShippedSourcesNeverPointAtLocalOrExampleHosts()
    {
        Assert.All(LoadShippedSources(), s =>
        {
            Assert.False(s.Url.IsLoopback, $"{s.Id}: {s.Url}");
            Assert.DoesNotContain("example.", s.Url.Host, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static IReadOnlyList<SourceDefinition> LoadShippedSources()
    {
        var result = SourcesFileLoader.Load(RepositoryPaths.Config.SourcesFile);
        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
        return result.Sources;
    }
}
