using System.Diagnostics;
using Monitor.Worker.Fetching;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Crawling;

/// <summary>One source's crawl as it moves through the stages: fetched and read, built, stored.</summary>
internal sealed class SourceWork(SourceDefinition source, SourceState state)
{
    public SourceDefinition Source { get; } = source;

    public SourceState State { get; } = state;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Set when the crawl ended before building (skipped, not modified, rate limited, failed).</summary>
    public CrawlOutcome? Finished { get; set; }

    /// <summary>The source document's validators, kept when every new item was taken.</summary>
    public FetchValidators? Validators { get; set; }

    /// <summary>Time spent reading the source document once fetched (parsing it, finding its items).</summary>
    public TimeSpan? ReadElapsed { get; set; }

    public int ItemsSeen { get; set; }

    public string? Note { get; set; }

    /// <summary>New items beyond <c>MaxNewItemsPerRun</c>, left for the next run.</summary>
    public int LeftOver { get; set; }

    public List<PendingItem> Pending { get; } = [];

    public List<Announcement> Fresh { get; } = [];

    public List<AnnouncementRevision> Revisions { get; } = [];
}
