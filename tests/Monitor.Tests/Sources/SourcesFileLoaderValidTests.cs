using Monitor.Worker.Sources;

namespace Monitor.Tests.Sources;

public sealed class SourcesFileLoaderValidTests
{
    [Fact]
    public void LoadsEveryFieldOfValidEntries()
    {
        const string yaml = """
            # curators comment freely
            sources:
              - id: fr-numerique
                name: Ministère du Numérique
                url: https://www.numerique.gouv.fr/actualites/
                kind: Listing
                country: FR
                language: fr
                timezone: Europe/Paris
                schedule: "0 15 */2 * * ?"
                selectors:
                  item: article.news
                  link: h3 a
                  title: h3
                  date: time
                  summary: p.lead
                  next: a[rel=next]
                fetch_full_text: true
                enabled: false
                format: html
                notes: "L (listing page)"
              - id: us-fr-api
                url: https://www.federalregister.gov/api/v1/documents.json
                kind: json
                country: US
                language: en-US
                json:
                  items: results
                  id: document_number
                  title: title
                  link: html_url
                  date: publication_date
                  summary: abstract
            """;

        var result = SourcesFileLoader.Parse(yaml, "sources.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Sources.Count);
        var listing = result.Sources[0];
        Assert.Equal("fr-numerique", listing.Id);
        Assert.Equal("Ministère du Numérique", listing.DisplayName);
        Assert.Equal(new Uri("https://www.numerique.gouv.fr/actualites/"), listing.Url);
        Assert.Equal(SourceKind.Listing, listing.Kind);
        Assert.Equal(("FR", "fr"), (listing.Country, listing.Language));
        Assert.Equal("Europe/Paris", listing.TimeZone);
        Assert.Equal("0 15 */2 * * ?", listing.Schedule);
        Assert.NotNull(listing.Selectors);
        Assert.Equal(
            new string?[] { "article.news", "h3 a", "h3", "time", "p.lead", "a[rel=next]" },
            new[] { listing.Selectors.Item, listing.Selectors.Link, listing.Selectors.Title, listing.Selectors.Date, listing.Selectors.Summary, listing.Selectors.Next });
        Assert.True(listing.FetchFullText);
        Assert.False(listing.Enabled);
        Assert.Equal("L (listing page)", listing.Notes);
        Assert.Equal(SourceFormat.Html, listing.Format);

        var api = result.Sources[1];
        Assert.Equal(SourceKind.Json, api.Kind);
        Assert.Equal("us-fr-api", api.DisplayName);
        Assert.NotNull(api.Json);
        Assert.Equal(
            new string?[] { "results", "document_number", "title", "html_url", "publication_date", "abstract" },
            new[] { api.Json.Items, api.Json.Id, api.Json.Title, api.Json.Link, api.Json.Date, api.Json.Summary });
        Assert.Null(api.Selectors);
        Assert.Null(api.Format);
    }

    [Fact]
    public void AppliesDefaultsForOptionalFields()
    {
        const string yaml = """
            sources:
              - id: eu-ai-office
                url: https://digital-strategy.ec.europa.eu/en/rss.xml
                country: EU
                language: en
            """;

        var source = Assert.Single(SourcesFileLoader.Parse(yaml, "sources.yaml").Sources);

        Assert.Equal(SourceKind.Auto, source.Kind);
        Assert.True(source.Enabled);
        Assert.False(source.FetchFullText);
        Assert.Null(source.Schedule);
        Assert.Null(source.TimeZone);
        Assert.Null(source.Selectors);
        Assert.Null(source.Json);
        Assert.Equal("eu-ai-office", source.DisplayName);
    }

    [Theory]
    [InlineData("auto", SourceKind.Auto)]
    [InlineData("feed", SourceKind.Feed)]
    [InlineData("LISTING", SourceKind.Listing)]
    [InlineData("sitemap", SourceKind.Sitemap)]
    public void AcceptsEveryKindInAnyCase(string kind, SourceKind expected)
    {
        var yaml = $"""
            sources:
              - id: a
                url: https://example.org/x
                kind: {kind}
                country: INT
                language: zh-CN
            """;

        var result = SourcesFileLoader.Parse(yaml, "sources.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(expected, Assert.Single(result.Sources).Kind);
    }

    [Fact]
    public void EmptySourcesListIsValid()
    {
        var result = SourcesFileLoader.Parse("sources: []\n", "sources.yaml");

        Assert.Empty(result.Problems);
        Assert.Empty(result.Sources);
    }
}
