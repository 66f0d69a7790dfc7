namespace Monitor.Worker.Crawling;

/// <summary>What one source's crawl did, for logs, the summary table and <c>sources</c> output.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Status">ok, not-modified, skipped, rate-limited or failed.</param>
/// <param name="ItemsSeen">Items in the document.</param>
/// <param name="ItemsNew">New items stored.</param>
/// <param name="ItemsRelevant">New items classified relevant.</param>
/// <param name="Message">The error or skip reason, or a note.</param>
/// <param name="Elapsed">Time taken.</param>
/// <param name="ReadElapsed">Of that, the time spent reading the source document once fetched (parsing it, finding its items).</param>
public sealed record CrawlOutcome(string SourceId, string Status, int ItemsSeen, int ItemsNew, int ItemsRelevant, string? Message, TimeSpan Elapsed, TimeSpan? ReadElapsed = null);
