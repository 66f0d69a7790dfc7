using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>A maintenance job that never throws (the job boundary): a failure is logged as one error with the job's
/// name, and the next trigger runs it again.</summary>
internal abstract class GuardedJob(ILogger logger, string name) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Job} failed", name);
        }
    }

    /// <summary>The job's work.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);
}
