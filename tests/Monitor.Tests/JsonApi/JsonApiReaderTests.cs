using System.Text;
using Monitor.Tests.Feeds;
using Monitor.Worker.JsonApi;

namespace Monitor.Tests.JsonApi;

public sealed class JsonApiReaderTests
{
    private static readonly JsonApiPaths FederalRegister = new()
    {
        Items = "results",
        Id = "document_number",
        Title = "title",
        Link = "html_url",
        Date = "publication_date",
        Summary = "abstract",
    };

    [Fact]
    public void ReadsFederalRegisterShapedResponse()
    {
        var eastern = TimeZoneInfo.CreateCustomTimeZone("Test/Eastern", TimeSpan.FromHours(-5), "Eastern", "EST");

        var items = JsonApiReader.Read(
            FeedFixtures.Bytes("jsonapi", "federal-register-documents.json"),
            new Uri("https://www.federalregister.example/api/v1/documents.json?conditions[term]=ai"),
            FederalRegister,
            eastern);

        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal("2025-04512", first.Id);
        Assert.StartsWith("Safe, Secure, and Trustworthy", first.Title, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://www.federalregister.example/documents/2025/03/14/2025-04512/safe-secure-and-trustworthy-ai"), first.Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromHours(-5)), first.Published);
        Assert.Equal("The agency requests information on evaluating foundation models.", first.Summary);
        Assert.Equal(new Uri("https://www.federalregister.example/documents/2025/03/12/2025-04321/export-controls"), items[1].Link);
        Assert.Null(items[1].Summary);
    }

    [Fact]
    public void FollowsNestedPathsAndArrayIndexes()
    {
        const string json = """{"data":{"entries":[{"attributes":{"headline":"Nested title","id":7},"links":[{"href":"https://x.example/a"}]}]}}""";
        var paths = new JsonApiPaths { Items = "data.entries", Id = "attributes.id", Title = "attributes.headline", Link = "links.0.href" };

        var item = Assert.Single(JsonApiReader.Read(Encoding.UTF8.GetBytes(json), new Uri("https://x.example/api"), paths));

        Assert.Equal("7", item.Id);
        Assert.Equal("Nested title", item.Title);
        Assert.Equal(new Uri("https://x.example/a"), item.Link);
    }

    [Fact]
    public void RootArrayNeedsNoItemsPath()
    {
        const string json = """[{"url":"https://x.example/1","name":"One"}]""";

        var item = Assert.Single(JsonApiReader.Read(Encoding.UTF8.GetBytes(json), new Uri("https://x.example/"), new JsonApiPaths { Link = "url", Title = "name" }));

        Assert.Equal("One", item.Title);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"results": {"not": "an array"}}""")]
    [InlineData("""{"other": []}""")]
    public void BadResponsesThrowJsonApiParseException(string json)
    {
        var ex = Assert.Throws<JsonApiParseException>(() => JsonApiReader.Read(Encoding.UTF8.GetBytes(json), new Uri("https://x.example/"), FederalRegister));

        Assert.StartsWith("json-api: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequiresLinkAndRejectsEmptySegments()
    {
        var problems = new JsonApiPaths { Items = "results..x" }.Validate();

        Assert.Contains(problems, p => p.StartsWith("link: required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("items: path", StringComparison.Ordinal));
    }
}
