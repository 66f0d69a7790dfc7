namespace Monitor.Worker.Items;

/// <summary>
/// One item candidate as read from any kind of source (feed, sitemap, listing page, JSON API),
/// normalised at the edge so everything downstream sees one shape.
/// </summary>
/// <param name="Id">The source's own identifier (RSS guid, Atom id, JSON id), when it has one.</param>
/// <param name="Title">Plain-text title (HTML stripped), when known.</param>
/// <param name="Link">Absolute link to the item's page, resolved against the document's base.</param>
/// <param name="Published">Publication (or, failing that, update) time, when known.</param>
/// <param name="Summary">Plain-text summary or description, when the source gives one.</param>
/// <param name="Content">Full content (HTML or text) when the source carries it (content:encoded, Atom content).</param>
/// <param name="Author">Author or creator, when given.</param>
public sealed record ParsedItem(
    string? Id,
    string? Title,
    Uri? Link,
    DateTimeOffset? Published,
    string? Summary,
    string? Content = null,
    string? Author = null);
