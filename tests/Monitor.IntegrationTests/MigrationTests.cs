using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests;

public sealed class MigrationTests
{
    [Fact]
    public void SqlServerModelHasNoPendingChanges()
    {
        using var db = new MonitorDbContext(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqliteModelHasNoPendingChanges()
    {
        using var db = new SqliteMonitorDbContext(new DbContextOptionsBuilder<SqliteMonitorDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerScriptKeepsUniqueKeysWithinTheIndexLimit()
    {
        using var db = new MonitorDbContext(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE UNIQUE INDEX [IX_Announcements_UrlHash] ON [Announcements] ([UrlHash])", script, StringComparison.Ordinal);
        Assert.Contains("[UrlHash] varchar(64) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_DigestDeliveries_SubscriberKey_PeriodKey]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("INDEX [IX_Announcements_CanonicalUrl]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySqlServerIndexKeyFitsTheIndexKeyLimit()
    {
        // SQL Server refuses (or fails at insert time) index keys over 1,700 bytes: nvarchar(n) is 2n bytes.
        using var db = new MonitorDbContext(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        var indexes = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes().Select(i => (Entity: e.ClrType.Name, Index: i))).ToList();
        Assert.NotEmpty(indexes);
        foreach (var (entity, index) in indexes)
        {
            var bytes = index.Properties.Sum(p => KeyBytes(p.GetColumnType()));
            Assert.True(bytes <= 1700, $"{entity} index on {string.Join(", ", index.Properties.Select(p => p.Name))} is {bytes} bytes");
        }
    }

    private static int KeyBytes(string columnType)
    {
        var match = System.Text.RegularExpressions.Regex.Match(columnType, @"^(n?)varchar\((\d+|max)\)$");
        if (match.Success)
        {
            Assert.NotEqual("max", match.Groups[2].Value);
            return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * (match.Groups[1].Value == "n" ? 2 : 1);
        }

        return columnType switch { "bigint" or "float" or "datetime2" => 8, "int" => 4, "bit" => 1, _ => throw new InvalidOperationException($"unexpected key column type {columnType}") };
    }

    [Fact]
    public async Task SqliteMigrationsCreateTheSchemaOnAFreshFile()
    {
        using var env = new TestEnvironment();
        var factory = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={env.DatabasePath}");
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Announcements.CountAsync());
            Assert.Equal(0, await db.DigestDeliveries.CountAsync());
        }

        Assert.True(File.Exists(env.DatabasePath));
    }
}
