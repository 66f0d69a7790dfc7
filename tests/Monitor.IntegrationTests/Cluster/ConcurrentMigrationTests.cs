using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Npgsql;

namespace Monitor.IntegrationTests.Cluster;

/// <summary>Two replicas starting at once on a new (or older) database: one applies the migrations while the other waits,
/// and both start. EF Core's own lock on PostgreSQL lasts one migration's transaction, so with several pending migrations
/// the second process re-applied one the first had just applied ("relation already exists").</summary>
public sealed class ConcurrentMigrationTests
{
    [SkippableFact]
    public async Task TwoReplicasMigratingOneNewPostgreSqlDatabaseAtOnceBothStart()
    {
        var server = ServerDatabases.Require(DatabaseProvider.PostgreSql);
        var name = $"monitor_t_migrate_{Guid.NewGuid().ToString("n")[..10]}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            var replicas = Enumerable.Range(0, 3).Select(_ => new DatabaseMigrator(
                new MonitorDbContextFactory(DatabaseProvider.PostgreSql, database), Options.Create(new StorageOptions()), NullLogger<DatabaseMigrator>.Instance)).ToList();

            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.MigrateAsync(CancellationToken.None))));

            await using var db = new MonitorDbContextFactory(DatabaseProvider.PostgreSql, database).CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
