using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>Looks for sources that crossed the failure threshold or recovered, every <c>Alerts:CheckSeconds</c>.</summary>
[DisallowConcurrentExecution]
internal sealed class AlertJob(SourceAlerter alerter, ILogger<AlertJob> logger) : GuardedJob(logger, "Alert check")
{
    public static readonly JobKey Key = new("alerts", "operations");

    protected override Task RunAsync(CancellationToken cancellationToken) => alerter.CheckAsync(cancellationToken);
}
