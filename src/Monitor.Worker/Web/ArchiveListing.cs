using Monitor.Worker.Archive;
using Monitor.Worker.Classification;

namespace Monitor.Worker.Web;

/// <summary>
/// One listing page as the archive and country pages show it: the filter read from the query string (problems in
/// words), the page of stories, the links to the next page and to the same listing as Atom and JSON Feed.
/// </summary>
public sealed class ArchiveListing
{
    private ArchiveListing(string path, ArchiveFilter filter, IReadOnlyList<string> problems, ArchivePage page)
    {
        Path = path;
        Filter = filter;
        Problems = problems;
        Page = page;
    }

    /// <summary>The listing's path (<c>/</c> or <c>/countries/JP</c>).</summary>
    public string Path { get; }

    public ArchiveFilter Filter { get; }

    public IReadOnlyList<string> Problems { get; }

    public ArchivePage Page { get; }

    /// <summary>The next page's link, or null on the last page.</summary>
    public string? NextLink => Page.Next is { } next ? Path + LinkFilter.QueryString(extra: ("before", next.ToString())) : null;

    /// <summary>The first page's link (shown once the reader paged on).</summary>
    public string FirstLink => Path + LinkFilter.QueryString();

    public string AtomLink => FeedBase + ".atom" + LinkFilter.QueryString();

    public string JsonLink => FeedBase + ".json" + LinkFilter.QueryString();

    // A country listing's country is in its path, not its query string.
    private ArchiveFilter LinkFilter => Path == "/" ? Filter : Filter with { Country = null };

    private string FeedBase => Path == "/" ? "/feed" : Path.TrimEnd('/') + "/feed";

    /// <summary>Reads the filter and cursor from <paramref name="request"/> and the page from the store; with
    /// <paramref name="country"/> the listing is that country's. Null when the request's validators still match (304).</summary>
    public static async Task<ArchiveListing?> LoadAsync(HttpContext context, ArchiveQuery query, WebOptions options, string? country, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var (filter, problems) = ArchiveFilter.Parse(key => request.Query[key].ToString());
        ArchiveCursor? after = null;
        if (request.Query["before"].ToString() is { Length: > 0 } before)
        {
            if (ArchiveCursor.TryParse(before, out var cursor))
            {
                after = cursor;
            }
            else
            {
                problems = [.. problems, "That page link is not one this site wrote, so the newest stories are shown."];
            }
        }

        var path = "/";
        if (country is not null)
        {
            filter = filter with { Country = country };
            path = $"/countries/{country}";
        }

        var page = await query.ListAsync(filter, after, options.ArchivePageSize, cancellationToken);
        var etag = ConditionalGet.ETag("html", request, page.Stories, page.Next);
        return ConditionalGet.IsNotModified(context, etag, page.LastModified, options.ArchiveCacheSeconds)
            ? null
            : new ArchiveListing(path, filter, problems, page);
    }

    /// <summary>True for a known country code (upper case).</summary>
    public static bool IsCountry(string code) => CountryCodes.IsKnown(code);
}
