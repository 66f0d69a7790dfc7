using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Npgsql;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// Real database servers for the provider-parameterised tests: PostgreSQL from <c>MONITOR_TEST_POSTGRES</c> (which
/// <c>.ci/run</c> sets after starting a throw-away cluster) and SQL Server from <c>MONITOR_TEST_SQLSERVER</c>. Each
/// test gets a database of its own, dropped afterwards; on PostgreSQL it is copied from a template migrated once per
/// test run (<c>CREATE DATABASE … TEMPLATE</c>, a file copy), so a test pays no migration. A test on a server that is
/// not configured is skipped, and the skip says which variable to set.
/// </summary>
public static class ServerDatabases
{
    public const string PostgresVariable = "MONITOR_TEST_POSTGRES";
    public const string SqlServerVariable = "MONITOR_TEST_SQLSERVER";

    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static readonly string RunId = $"{Environment.ProcessId}_{Guid.NewGuid().ToString("n")[..6]}";
    private static readonly Lock TemplateLock = new();
    private static Task<string>? _template;

    /// <summary>The server's connection string, or a skip naming the variable that is not set.</summary>
    public static string Require(DatabaseProvider provider)
    {
        var variable = provider == DatabaseProvider.PostgreSql ? PostgresVariable : SqlServerVariable;
        var value = Environment.GetEnvironmentVariable(variable);
        Skip.If(string.IsNullOrWhiteSpace(value), $"{variable} is not set: this {provider} test needs a real server (see README, Development)");
        return value!;
    }

    /// <summary>Creates a new empty (SQL Server) or migrated (PostgreSQL) database for one test; returns its connection string.</summary>
    public static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        var server = Require(provider);
        var name = $"monitor_t_{RunId}_{Guid.NewGuid().ToString("n")[..10]}";
        if (provider == DatabaseProvider.PostgreSql)
        {
            Task<string> making;
            lock (TemplateLock)
            {
                making = _template ??= CreateTemplateAsync(server);
            }

            var template = await making;
            await Creating.WaitAsync();
            try
            {
                await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            }
            finally
            {
                Creating.Release();
            }

            return WithDatabase(server, name);
        }

        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(server) { InitialCatalog = name };
        var factory = new MonitorDbContextFactory(DatabaseProvider.SqlServer, sql.ConnectionString);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        return sql.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateAsync"/> made (best effort: a leftover only costs disk on a throw-away server).</summary>
    public static void Drop(DatabaseProvider provider, string connectionString)
    {
        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
                NpgsqlConnection.ClearAllPools();
                ExecuteAsync(Require(provider), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            else
            {
                var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
                var name = builder.InitialCatalog;
                Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
                builder.InitialCatalog = "master";
                using var connection = new Microsoft.Data.SqlClient.SqlConnection(builder.ConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]";
                command.ExecuteNonQuery();
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
        }
    }

    private static async Task<string> CreateTemplateAsync(string server)
    {
        var name = $"monitor_tpl_{RunId}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(WithDatabase(server, name)) { Pooling = false }.ConnectionString;
        await using (var db = new MonitorDbContextFactory(DatabaseProvider.PostgreSql, connectionString).CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(DatabaseProvider.PostgreSql, WithDatabase(server, name));
        return name;
    }

    private static string WithDatabase(string server, string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
