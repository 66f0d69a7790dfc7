using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;
using Monitor.Worker.Documents;
using Monitor.Worker.Extraction;
using Monitor.Worker.Fetching;
using Monitor.Worker.Items;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Crawling;

/// <summary>Fetches one source now and shows what would be extracted and how it would be classified; stores nothing.</summary>
public sealed class SourceTester(PageFetcher fetcher, SourceReader reader, LargeDocumentGate gate, SourceCatalog catalog, IOptions<CrawlingOptions> options, TimeProvider time)
{
    /// <summary>Writes a report on <paramref name="source"/> to <paramref name="output"/>; returns false when the source fails.</summary>
    public async Task<bool> TestAsync(SourceDefinition source, int maxItems, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Source {source.Id} ({source.DisplayName}) — {source.Url}");
        await output.WriteLineAsync($"  kind: {source.Kind}, country: {source.Country}, language: {source.Language}, time zone: {source.TimeZone ?? "UTC"}");
        var result = await fetcher.FetchAsync(source.Url, null, cancellationToken);
        if (result is not FetchResult.Ok document)
        {
            await output.WriteLineAsync($"  FETCH FAILED: {result}");
            return false;
        }

        await output.WriteLineAsync($"  fetched {document.Body.Length:N0} bytes, {document.ContentType ?? "no content type"}, charset {document.Charset ?? "unspecified"}, from {document.FinalUri}");
        SourceReadResult read;
        var reading = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            read = await reader.ReadAsync(source, document, new SourceReadContext(FirstCrawl: true, Since: null, options.Value.MaxNewItemsPerRun), cancellationToken);
        }
        catch (SourceReadException ex)
        {
            await output.WriteLineAsync($"  READ FAILED after {reading.ElapsedMilliseconds:N0} ms: {ex.Message}");
            return false;
        }

        var items = ItemKey.Deduplicate(read.Items);
        await output.WriteLineAsync($"  read as {read.ReadAs}: {items.Count} items{(read.Note is null ? "" : $" ({read.Note})")}, in {reading.ElapsedMilliseconds:N0} ms");
        foreach (var item in items.Take(maxItems))
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  - {item.Title}");
            await output.WriteLineAsync($"    link: {item.Link}   published: {item.Published?.ToString("u") ?? "unknown"}   key: {ItemKey.For(item)}");
            ExtractedArticle? article = null;
            if (item.Link is not null && options.Value.FetchArticles)
            {
                var page = await fetcher.FetchAsync(item.Link, null, cancellationToken);
                var problem = page is FetchResult.Ok ? null : $"not fetched ({page})";
                using var pass = page is FetchResult.Ok fetched ? await gate.EnterAsync(fetched.Body.Length, cancellationToken) : null;
                try
                {
                    article = page is FetchResult.Ok ok
                        ? DocumentBudget.Run("extraction", TimeSpan.FromSeconds(options.Value.DocumentBudgetSeconds),
                            token => ArticleExtractor.Extract(ok.Body, ok.FinalUri, ok.Charset, time.GetUtcNow(), token), cancellationToken)
                        : null;
                }
                catch (DocumentBudgetException ex)
                {
                    problem = $"not extracted ({ex.Message})";
                }

                await output.WriteLineAsync(article is null
                    ? $"    page: {problem}"
                    : $"    page: title \"{article.Title}\", date {article.Published?.ToString("u") ?? "none"}, language {article.Language ?? "?"}, {article.Text.Length:N0} chars of text");
            }

            var url = item.Link is null ? source.Url : UrlCanonicalizer.Canonicalize(item.Link);
            var a = AnnouncementBuilder.Build(source, item, url, article, catalog.Classifier, time.GetUtcNow().UtcDateTime);
            await output.WriteLineAsync($"    summary: {a.Summary}");
            await output.WriteLineAsync($"    relevant: {a.Relevant} (score {a.Score:0.00}); topics: [{a.Topics}]; countries: [{a.Countries}]; models: [{a.Models.Replace('|', ',')}]");
            if (a.Reasons.Length > 0)
            {
                await output.WriteLineAsync($"    why: {a.Reasons.Replace("|", "; ")}");
            }
        }

        return true;
    }
}
