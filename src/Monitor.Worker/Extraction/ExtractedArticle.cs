namespace Monitor.Worker.Extraction;

/// <summary>What extraction found on an article page.</summary>
/// <param name="Title">Headline without the site-name suffix.</param>
/// <param name="Published">Publication date.</param>
/// <param name="Modified">Last modification date.</param>
/// <param name="Language">Language tag (e.g. <c>en</c>, <c>ja</c>), from markup or detected from the text.</param>
/// <param name="Author">Author, when given.</param>
/// <param name="CanonicalUrl">Canonical URL (link rel=canonical / og:url), absolute.</param>
/// <param name="Text">Main text, paragraphs separated by a blank line.</param>
/// <param name="Description">Lead or meta description.</param>
public sealed record ExtractedArticle(
    string? Title,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    string? Language,
    string? Author,
    Uri? CanonicalUrl,
    string Text,
    string? Description);
