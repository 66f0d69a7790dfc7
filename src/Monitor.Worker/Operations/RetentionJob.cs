using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>The maintenance job: retention of extracted text (see <see cref="TextRetention"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(TextRetention retention, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await retention.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Retention run failed");
        }
    }
}
