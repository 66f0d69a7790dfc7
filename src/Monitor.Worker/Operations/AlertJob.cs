using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>Looks for sources that crossed the failure threshold or recovered, every <c>Alerts:CheckSeconds</c>.</summary>
[DisallowConcurrentExecution]
internal sealed class AlertJob(SourceAlerter alerter, ILogger<AlertJob> logger) : IJob
{
    public static readonly JobKey Key = new("alerts", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await alerter.CheckAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Alert check failed");
        }
    }
}
