using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>The same model on SQLite, with its own migrations under <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteMonitorDbContext(DbContextOptions<SqliteMonitorDbContext> options) : MonitorDbContext(options);
