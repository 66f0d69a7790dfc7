using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>Creates a short-lived context on the configured provider (one per unit of work, safe across threads).</summary>
public sealed class MonitorDbContextFactory
{
    private readonly Func<MonitorDbContext> _create;

    /// <remarks>Lists (known keys, index keys) go to the database as one array parameter (json_each, OPENJSON): one
    /// query shape whatever their length, so a lookup of hundreds of keys is neither re-planned nor near SQL Server's
    /// 2,100-parameter limit.</remarks>
    public MonitorDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
            var options = new DbContextOptionsBuilder<SqliteMonitorDbContext>()
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _create = () => new SqliteMonitorDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<MonitorDbContext>()
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(3).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
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
