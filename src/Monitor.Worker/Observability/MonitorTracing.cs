using System.Diagnostics;

namespace Monitor.Worker.Observability;

/// <summary>The worker's activity source: spans for crawl passes, each source's crawl and digest runs (exported by OTLP
/// only when <c>Monitor:Observability:Tracing</c> is on; without a listener an activity costs nothing).</summary>
public static class MonitorTracing
{
    /// <summary>The activity source name to listen to.</summary>
    public const string SourceName = "Monitor";

    /// <summary>The source; static like every ActivitySource (it holds no state of ours).</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
