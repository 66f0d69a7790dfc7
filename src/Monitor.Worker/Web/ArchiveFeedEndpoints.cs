using Microsoft.Extensions.Options;
using Monitor.Worker.Archive;
using Monitor.Worker.Classification;
using Monitor.Worker.Sources;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web;

/// <summary>
/// The archive's feeds: <c>/feed.atom</c> and <c>/feed.json</c> for the archive, <c>/countries/{code}/feed.atom|json</c>
/// for a country, with the pages' filters in the query string and <c>before</c> for older pages; conditional GET and
/// output caching as the pages.
/// </summary>
public static class ArchiveFeedEndpoints
{
    /// <summary>The output-cache policy of the archive pages and feeds.</summary>
    public const string CachePolicy = "archive";

    /// <summary>Query string keys that change a listing (the output cache varies by these only).</summary>
    public static readonly string[] QueryKeys = [.. ArchiveFilter.Keys, "before"];

    private const string AtomType = "application/atom+xml; charset=utf-8";
    private const string JsonType = "application/feed+json; charset=utf-8";

    /// <summary>Maps the four feed addresses.</summary>
    public static IEndpointRouteBuilder MapArchiveFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", (HttpContext context, CancellationToken ct) => WriteAsync(context, null, atom: true, ct)).CacheOutput(CachePolicy);
        app.MapGet("/feed.json", (HttpContext context, CancellationToken ct) => WriteAsync(context, null, atom: false, ct)).CacheOutput(CachePolicy);
        app.MapGet("/countries/{code}/feed.atom", (HttpContext context, string code, CancellationToken ct) => WriteAsync(context, code, atom: true, ct)).CacheOutput(CachePolicy);
        app.MapGet("/countries/{code}/feed.json", (HttpContext context, string code, CancellationToken ct) => WriteAsync(context, code, atom: false, ct)).CacheOutput(CachePolicy);
        return app;
    }

    private static async Task WriteAsync(HttpContext context, string? country, bool atom, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var (parsed, problems) = ArchiveFilter.Parse(key => context.Request.Query[key].ToString());
        if (country is not null && !CountryCodes.IsKnown(country.ToUpperInvariant()))
        {
            problems = [.. problems, $"“{country}” is not a country code (two letters such as JP, or EU or INT)."];
        }

        var before = context.Request.Query["before"].ToString();
        ArchiveCursor? after = null;
        if (before.Length > 0)
        {
            if (ArchiveCursor.TryParse(before, out var cursor))
            {
                after = cursor;
            }
            else
            {
                problems = [.. problems, "The “before” value is not one this site wrote; start again from the first page."];
            }
        }

        if (problems.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(string.Join("\n", problems) + "\n", cancellationToken);
            return;
        }

        var filter = country is null ? parsed : parsed with { Country = country.ToUpperInvariant() };
        var page = await services.GetRequiredService<ArchiveQuery>().ListAsync(filter, after, web.FeedPageSize, cancellationToken);
        var etag = ConditionalGet.ETag(atom ? "atom" : "json", context.Request, page.Stories, page.Next);
        if (ConditionalGet.IsNotModified(context, etag, page.LastModified, web.ArchiveCacheSeconds))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var catalog = services.GetRequiredService<SourceCatalog>();
        var baseUrl = new Uri(services.GetRequiredService<IOptions<SubscriptionOptions>>().Value.PublicBaseUrl);
        var listing = country is null ? "/" : $"/countries/{filter.Country}";
        var feedPath = (country is null ? "/feed" : $"/countries/{filter.Country}/feed") + (atom ? ".atom" : ".json");
        var (title, description) = Describe(filter, country is not null);
        var feed = ArchiveFeedBuilder.Build(title, description, baseUrl, listing, feedPath, country is null ? filter : filter with { Country = null }, page,
            id => catalog.Find(id)?.DisplayName ?? id, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        context.Response.ContentType = atom ? AtomType : JsonType;
        await context.Response.Body.WriteAsync(atom ? AtomFeedWriter.Write(feed) : JsonFeedWriter.Write(feed), cancellationToken);
    }

    /// <summary>The feed's title and description, saying what it is filtered by.</summary>
    public static (string Title, string Description) Describe(ArchiveFilter filter, bool countryListing)
    {
        var parts = new List<string>();
        if (filter.Topic is not null)
        {
            parts.Add(Digest.TopicNames.Of(filter.Topic));
        }

        if (filter.Country is not null && !countryListing)
        {
            parts.Add(CountryNames.Of(filter.Country));
        }

        if (filter.Language is not null)
        {
            parts.Add("in " + LanguageChoices.Name(filter.Language));
        }

        if (filter.Text is not null)
        {
            parts.Add($"“{filter.Text}”");
        }

        var scope = countryListing && filter.Country is not null ? CountryNames.Of(filter.Country) : "Monitor";
        var title = parts.Count == 0 ? $"{scope}: national LLMs and AI policy" : $"{scope}: {string.Join(", ", parts)}";
        return (title, "Announcements about national (sovereign) LLMs and AI policy, classified by Monitor; one entry per story, its first official report leading.");
    }
}
