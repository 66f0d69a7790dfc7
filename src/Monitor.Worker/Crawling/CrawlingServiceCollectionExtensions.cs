namespace Monitor.Worker.Crawling;

/// <summary>Registers crawl orchestration.</summary>
public static class CrawlingServiceCollectionExtensions
{
    /// <summary>Adds the reader, the per-source crawler, the runner and the source tester.</summary>
    public static IHostApplicationBuilder AddCrawling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Documents.LargeDocumentGate>();
        builder.Services.AddSingleton<SourceReader>();
        builder.Services.AddSingleton<ArticlePages>();
        builder.Services.AddSingleton<SourceCrawler>();
        builder.Services.AddSingleton<CrawlRunner>();
        builder.Services.AddSingleton<SourceTester>();
        return builder;
    }
}
