using Monitor.Worker.Digest;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>Sends the digests that are due. Never overlaps itself; the ledger makes a re-run harmless.</summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestRunner runner, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var report = await runner.RunAsync(dryRun: false, onlyTo: null, cancellationToken);
            foreach (var result in report.Results.Where(r => r.Status is "sent" or "failed" or "given-up" or "bounced"))
            {
                logger.LogInformation("Digest for {Recipient} ({Period}): {Status}, {Items} items", result.Subscriber, result.Period, result.Status, result.Items);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Digest run failed");
        }
    }
}
