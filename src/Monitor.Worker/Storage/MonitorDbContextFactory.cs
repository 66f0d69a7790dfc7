using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>Creates a short-lived context on the configured provider (one per unit of work, safe across threads).</summary>
public sealed class MonitorDbContextFactory
{
    private readonly Func<MonitorDbContext> _create;

    /// <remarks>Lists (known keys, index keys) go to the database as one array parameter (json_each, OPENJSON, a
    /// PostgreSQL array): one query shape whatever their length, so a lookup of hundreds of keys is neither re-planned
    /// nor near SQL Server's 2,100-parameter limit. No provider retries on its own: the store's write transactions are
    /// user-initiated, which EF Core's retrying strategies refuse; a failed batch is retried by the next crawl.</remarks>
    public MonitorDbContextFactory(DatabaseProvider provider, string connectionString, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        Provider = provider;
        ConnectionString = connectionString;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var options = new DbContextOptionsBuilder<SqliteMonitorDbContext>()
                    .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(new SqlitePragmas())
                    .AddInterceptors(interceptors)
                    .Options;
                _create = () => new SqliteMonitorDbContext(options);
                break;
            }

            case DatabaseProvider.PostgreSql:
            {
                var options = new DbContextOptionsBuilder<PostgreSqlMonitorDbContext>()
                    .UseNpgsql(connectionString, pg => pg.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(interceptors)
                    .Options;
                _create = () => new PostgreSqlMonitorDbContext(options);
                break;
            }

            default:
            {
                var options = new DbContextOptionsBuilder<MonitorDbContext>()
                    .UseSqlServer(connectionString, sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(interceptors)
                    .Options;
                _create = () => new MonitorDbContext(options);
                break;
            }
        }
    }

    /// <summary>
    /// Builds the EF model of the configured database on another thread, so a verb's start-up checks the configuration
    /// (taxonomy, model, sources) on one core while EF builds its model (about 0.4 s) on the other. Opens no connection;
    /// does nothing when the storage settings are missing or invalid (the configuration check reports those). EF keeps
    /// one set of internal services, and the model they build, for every context of one provider and context type,
    /// whatever its connection string, so the host's contexts get the model built here.
    /// </summary>
    /// <returns>The warm-up, which never fails (start-up does not wait for it).</returns>
    public static Task WarmUpInBackground(IConfiguration configuration)
    {
        var storage = new StorageOptions();
        try
        {
            configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        }
        catch (InvalidOperationException)
        {
            return Task.CompletedTask;
        }

        if (configuration.GetConnectionString("Monitor") is not { Length: > 0 } connectionString)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                using var db = new MonitorDbContextFactory(storage.Provider, connectionString).CreateDbContext();
                _ = db.Model;
            }
            catch (Exception)
            {
                // Only a warm-up: the first real use builds the model and reports any problem.
            }
        });
    }

    /// <summary>The provider in use.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>True on a database several replicas can share (Quartz runs clustered on it).</summary>
    public bool IsServer => Provider != DatabaseProvider.Sqlite;

    /// <summary>The connection string, for the migrator and for messages (<see cref="Describe"/> keeps secrets out).</summary>
    public string ConnectionString { get; private init; } = "";

    /// <summary>Where the database is, for people: the SQLite file, or the server host and database (no credentials).</summary>
    public string Describe()
    {
        try
        {
            switch (Provider)
            {
                case DatabaseProvider.Sqlite:
                    return $"SQLite {DatabaseLocation.SqliteFile(ConnectionString) ?? "in memory"}";
                case DatabaseProvider.PostgreSql:
                    var pg = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
                    return $"PostgreSQL {pg.Host}:{pg.Port}, database {pg.Database ?? "(default)"}";
                default:
                    var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString);
                    return $"SQL Server {sql.DataSource}, database {(string.IsNullOrEmpty(sql.InitialCatalog) ? "(default)" : sql.InitialCatalog)}";
            }
        }
        catch (ArgumentException)
        {
            return Provider.ToString();
        }
    }

    /// <summary>A new context; the caller disposes it.</summary>
    public MonitorDbContext CreateDbContext() => _create();
}
