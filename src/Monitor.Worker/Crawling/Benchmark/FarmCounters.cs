namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>Requests served by the farm, by kind, and the bytes sent (compressed, as on the wire).</summary>
internal sealed record FarmCounters(long FeedOk, long FeedNotModified, long Articles, long Robots, long Other, long Bytes)
{
    public static FarmCounters operator -(FarmCounters a, FarmCounters b) =>
        new(a.FeedOk - b.FeedOk, a.FeedNotModified - b.FeedNotModified, a.Articles - b.Articles, a.Robots - b.Robots, a.Other - b.Other, a.Bytes - b.Bytes);

    public long Requests => FeedOk + FeedNotModified + Articles + Robots + Other;
}
