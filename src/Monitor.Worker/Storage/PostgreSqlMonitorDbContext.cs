using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>The same model on PostgreSQL (Npgsql), with its own migrations under <c>Storage/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlMonitorDbContext(DbContextOptions<PostgreSqlMonitorDbContext> options) : MonitorDbContext(options);
