using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Web;

/// <summary>Ready only when the database answers.</summary>
internal sealed class DatabaseHealthCheck(MonitorDbContextFactory contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{contexts.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{contexts.Provider} not reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{contexts.Provider} check failed", ex);
        }
    }
}
