using Monitor.Worker.Sources;

namespace Monitor.Worker.Coverage;

/// <summary>One source as the coverage table shows it.</summary>
/// <param name="Country">The source's country code (ISO, <c>EU</c> or <c>INT</c>).</param>
/// <param name="SourceId">The source id.</param>
/// <param name="SourceName">The name shown in digests.</param>
/// <param name="Kind">How it is read: auto, feed, listing, sitemap or json.</param>
/// <param name="Format">The format the evidence shows (RSS, Atom, HTML...), or <c>unknown</c>.</param>
/// <param name="Publisher">Official or news.</param>
/// <param name="Enabled">False for sources that are validated but not crawled.</param>
/// <param name="Evidence">The evidence level the notes start with (V, C, L, W, P, combined with /), or empty.</param>
/// <param name="Notes">The curator's notes: where the URL and its format were seen.</param>
public sealed record CoverageRow(
    string Country, string SourceId, string SourceName, string Kind, string Format, SourcePublisher Publisher, bool Enabled, string Evidence, string Notes);
