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
    public MonitorDbContextFactory(DatabaseProvider provider, string connectionString, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteMonitorDbContext>()
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqlitePragmas())
                .AddInterceptors(interceptors)
                .Options;
            _create = () => new SqliteMonitorDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<MonitorDbContext>()
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(3).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(interceptors)
                .Options;
            _create = () => new MonitorDbContext(options);
        }
    }

    /// <summary>The provider in use.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string, for the migrator and for messages (<see cref="Describe"/> keeps secrets out).</summary>
    public string ConnectionString { get; private init; } = "";

    /// <summary>Where the database is, for people: the SQLite file, or the SQL Server host and database (no credentials).</summary>
    public string Describe()
    {
        try
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                return $"SQLite {DatabaseLocation.SqliteFile(ConnectionString) ?? "in memory"}";
            }

            var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString);
            return $"SQL Server {sql.DataSource}, database {(string.IsNullOrEmpty(sql.InitialCatalog) ? "(default)" : sql.InitialCatalog)}";
        }
        catch (ArgumentException)
        {
            return Provider.ToString();
        }
    }

    /// <summary>A new context; the caller disposes it.</summary>
    public MonitorDbContext CreateDbContext() => _create();
}
