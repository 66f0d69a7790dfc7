using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Observability;

/// <summary>Ready only when every migration of this build is applied (a worker started with <c>MigrateOnStart</c> off
/// on an old database is not ready). Once all are applied the answer is kept: migrations are never taken back.</summary>
internal sealed class MigrationsHealthCheck(MonitorDbContextFactory contexts) : IHealthCheck
{
    private volatile bool _applied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_applied)
        {
            return HealthCheckResult.Healthy("migrations applied");
        }

        try
        {
            await using var db = contexts.CreateDbContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                _applied = true;
                return HealthCheckResult.Healthy("migrations applied");
            }

            return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied ({pending[^1]}): run db migrate");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("migrations could not be checked", ex);
        }
    }
}
