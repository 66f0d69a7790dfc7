using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>The maintenance job: retention of extracted text (see <see cref="TextRetention"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(TextRetention retention, ILogger<RetentionJob> logger) : GuardedJob(logger, "Retention run")
{
    public static readonly JobKey Key = new("retention", "operations");

    protected override Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}
