using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>Creates a short-lived context on the configured provider (one per unit of work, safe across threads).</summary>
public sealed class MonitorDbContextFactory
{
    private readonly Func<MonitorDbContext> _create;

    public MonitorDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
            var options = new DbContextOptionsBuilder<SqliteMonitorDbContext>()
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _create = () => new SqliteMonitorDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<MonitorDbContext>()
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(3))
                .Options;
            _create = () => new MonitorDbContext(options);
        }
    }

    /// <summary>The provider in use.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>A new context; the caller disposes it.</summary>
    public MonitorDbContext CreateDbContext() => _create();

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
