using Microsoft.Extensions.Configuration;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Coverage;
using Monitor.Worker.Sources;
using YamlDotNet.RepresentationModel;

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
    public void WatchesSixtyOfficialSourcesInThirtyCountriesPlusTheEu()
    {
        var official = LoadShippedSources().Where(s => s.Enabled && s.Publisher == SourcePublisher.Official).ToList();
        var national = official.Where(s => s.Country is not (CountryCodes.EuropeanUnion or CountryCodes.International)).ToList();
        var countries = national.Select(s => s.Country).Distinct().ToList();

        Assert.True(national.Count >= 60, $"only {national.Count} enabled official sources of national bodies");
        Assert.True(countries.Count >= 30, $"official sources in only {countries.Count} countries: {string.Join(", ", countries.Order())}");
        Assert.All(countries, c => Assert.True(CountryCodes.IsKnown(c) && c.Length == 2, $"'{c}' is not an ISO code"));
        Assert.Contains(official, s => s.Country == CountryCodes.EuropeanUnion);
    }

    [Theory]
    [InlineData("oecd.ai")]
    [InlineData("un.org")]
    [InlineData("unesco.org")]
    [InlineData("coe.int")]
    [InlineData("itu.int")]
    public void WatchesTheMultilaterals(string domain)
    {
        Assert.Contains(LoadShippedSources(), s => s.Enabled && s.Country == CountryCodes.International && s.Publisher == SourcePublisher.Official
            && (s.Url.Host == domain || s.Url.Host.EndsWith("." + domain, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Asia", "CN HK ID IN JP KR KZ MY PH SG TH TW VN")]
    [InlineData("Middle East", "AE BH EG IL IQ JO KW OM QA SA TR")]
    [InlineData("Africa", "EG ET GH KE MA NG RW SN TZ UG ZA")]
    [InlineData("Latin America", "AR BO BR CL CO CR EC MX PE UY VE")]
    [InlineData("Europe", "EU AT BE CH DE DK ES FI FR GB IE IT NL NO PL PT SE UA")]
    public void HasNewsOutletsInEveryRegion(string region, string codes)
    {
        var countries = codes.Split(' ');
        var news = LoadShippedSources().Where(s => s.Enabled && s.Publisher == SourcePublisher.News && countries.Contains(s.Country)).ToList();

        Assert.True(news.Count >= 2, $"{region}: only {news.Count} news sources");
    }

    [Fact]
    public void EverySourceHasCountryLanguageTimeZoneFormatAndEvidenceNotes()
    {
        Assert.All(LoadShippedSources(), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Country), $"{s.Id}: no country");
            Assert.False(string.IsNullOrWhiteSpace(s.Language), $"{s.Id}: no language");
            Assert.False(string.IsNullOrWhiteSpace(s.TimeZone), $"{s.Id}: no timezone");
            Assert.True(s.Format is not null, $"{s.Id}: no format (what the evidence shows)");
            Assert.True(EvidenceLevel.Of(s.Notes).Length > 0, $"{s.Id}: notes do not start with an evidence level (V, C, P, L, W): '{s.Notes}'");
            Assert.True(s.Notes!.Length > EvidenceLevel.Of(s.Notes).Length + 10, $"{s.Id}: notes give a level but not where it was seen");
            Assert.True(s.Url.Scheme is "https" or "http", $"{s.Id}: {s.Url}");
        });
    }

    [Fact]
    public void EverySourceStatesItsPublisher()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryPaths.Config.SourcesFile)));
        var list = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("sources")];

        Assert.All(list.Children.Cast<YamlMappingNode>(), source =>
            Assert.True(source.Children.ContainsKey(new YamlScalarNode("publisher")), $"{source.Children[new YamlScalarNode("id")]}: no explicit publisher"));
    }

    [Fact]
    public void ShippedCoverageGapsHaveNoProblemsAndNameKnownCountries()
    {
        var gaps = CoverageGapsLoader.Load(RepositoryPaths.Config.CoverageGapsFile);

        Assert.True(gaps.Problems.Count == 0, string.Join(Environment.NewLine, gaps.Problems));
        Assert.NotEmpty(gaps.Gaps);
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
