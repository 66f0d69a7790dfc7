using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public void PostgreSqlModelHasNoPendingChanges()
    {
        using var db = new PostgreSqlMonitorDbContext(new DbContextOptionsBuilder<PostgreSqlMonitorDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task TheStartUpWarmUpBuildsTheModelTheHostsFactoryUses()
    {
        using var env = new TestEnvironment();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Monitor"] = $"Data Source={env.DatabasePath}" })
            .Build();

        await MonitorDbContextFactory.WarmUpInBackground(configuration);
        Assert.False(File.Exists(env.DatabasePath), "the warm-up opens no connection");

        // EF keeps one model per provider and context type across factories, so the model the warm-up built is the one
        // later contexts get.
        using var host = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={env.DatabasePath}").CreateDbContext();
        using var other = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={env.DatabasePath}").CreateDbContext();
        Assert.Same(host.Model, other.Model);
    }

    [Fact]
    public async Task SqliteRebuildsTheArchiveRowsAndStoryKeysWithoutRowidKeepingEveryRow()
    {
        // A database at the migration before, holding announcements with archive rows and story keys.
        using var env = new TestEnvironment();
        var factory = env.Factory();
        await using (var db = factory.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261206155601_Operations");
        }

        var items = Enumerable.Range(0, 40).Select(i =>
        {
            var item = StoreByIndexTests.Item($"src{i % 3}", $"Ministry funds national language model {i}", $"https://example.org/m/{i}", $"The programme {i} with KAIST{i} and 1,{i:000} GPUs.");
            (item.Relevant, item.Topics, item.Countries, item.Language) = (true, "model", "KR", "en");
            return item;
        }).ToList();
        await new AnnouncementStore(factory, TimeProvider.System).StoreAsync(items, [], () => [], CancellationToken.None);
        var before = await CountsAsync(factory);
        Assert.True(before.Terms > 40 && before.Keys > 0, $"{before}");

        await env.MigratedDatabaseAsync();

        // Every row kept, the tables clustered on their keys, their indexes back (a later EF rebuild of either table
        // would drop the clause: this test says so).
        Assert.Equal(before, await CountsAsync(factory));
        await using var migrated = factory.CreateDbContext();
        var tables = await migrated.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('ArchiveTerms', 'StoryKeys')").ToListAsync();
        Assert.Equal(2, tables.Count);
        Assert.All(tables, sql => Assert.EndsWith("WITHOUT ROWID", sql.Trim(), StringComparison.Ordinal));
        var indexes = await migrated.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('ArchiveTerms', 'StoryKeys')").ToListAsync();
        Assert.Contains("IX_ArchiveTerms_Term_SortAt_AnnouncementId", indexes);
        Assert.Contains("IX_StoryKeys_AnnouncementId", indexes);
        Assert.Equal(40, await migrated.ArchiveTerms.Where(t => t.Term == "*").CountAsync());
    }

    private static async Task<(int Terms, int Keys)> CountsAsync(MonitorDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return (await db.ArchiveTerms.CountAsync(), await db.StoryKeys.CountAsync());
    }

    [SkippableFact]
    public async Task PostgreSqlMigrationsCreateEveryUniqueKeyAndIndexOfTheModel()
    {
        using var env = new TestEnvironment(DatabaseProvider.PostgreSql);
        await using var db = (await env.MigratedDatabaseAsync()).CreateDbContext();
        var created = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = 'public'").ToListAsync();

        var expected = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).ToList();
        Assert.NotEmpty(expected);
        foreach (var index in expected)
        {
            var definition = Assert.Single(created, d => d.Contains($"INDEX \"{index.GetDatabaseName()}\" ", StringComparison.Ordinal));
            Assert.Equal(index.IsUnique, definition.StartsWith("CREATE UNIQUE", StringComparison.Ordinal));
        }

        Assert.Contains(created, d => d.StartsWith("CREATE UNIQUE INDEX \"IX_Announcements_UrlHash\"", StringComparison.Ordinal));
        Assert.Contains(created, d => d.StartsWith("CREATE UNIQUE INDEX \"IX_DigestDeliveries_SubscriberId_PeriodKey\"", StringComparison.Ordinal));
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

    [Fact]
    public async Task LedgerRowsOfConfiguredSubscribersMoveToSubscriberRows()
    {
        using var env = new TestEnvironment();
        var factory = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={env.DatabasePath}");
        await using (var db = factory.CreateDbContext())
        {
            // The schema before subscribers moved into the database, with two ledger rows keyed by address.
            await db.GetService<IMigrator>().MigrateAsync("20261128172740_Initial");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Stories (Id, Title, CreatedAt) VALUES (1, 'story', '2026-11-20 08:00:00');
                INSERT INTO Announcements (Id, UrlHash, CanonicalUrl, SourceId, ItemKeyHash, Title, FetchedAt, Text, Summary, SimHash, Topics, Countries, Models, Relevant, Score, Reasons, StoryId)
                VALUES (1, 'h1', 'https://a.example/1', 's', 'k1', 'one', '2026-11-20 08:00:00', '', '', 0, '', '', '', 1, 0.9, '', 1),
                       (2, 'h2', 'https://a.example/2', 's', 'k2', 'two', '2026-11-20 08:00:00', '', '', 0, '', '', '', 1, 0.9, '', 1);
                INSERT INTO DigestDeliveries (Id, SubscriberKey, PeriodKey, State, Attempts, CreatedAt, MessageId)
                VALUES (1, 'analyst@example.org', 'daily:2026-11-20', 1, 1, '2026-11-20 09:00:00', 'm1@monitor'),
                       (2, 'gone@example.org', 'daily:2026-11-20', 2, 5, '2026-11-20 09:00:00', 'm2@monitor');
                INSERT INTO DigestDeliveryItems (DeliveryId, AnnouncementId, SubscriberKey) VALUES (1, 1, 'analyst@example.org'), (1, 2, 'analyst@example.org');
                """);
            await db.Database.MigrateAsync();
        }

        // The import at start re-activates the address still configured; the other stays unsubscribed.
        env.WriteSources("sources: []\n");
        env.AddSubscriber(0, "analyst@example.org", topics: "model");
        using var host = await env.StartHostAsync();
        await using var check = factory.CreateDbContext();
        var analyst = await check.Subscribers.SingleAsync(s => s.EmailKey == "analyst@example.org");
        var gone = await check.Subscribers.SingleAsync(s => s.EmailKey == "gone@example.org");
        Assert.Equal(Monitor.Worker.Storage.Entities.SubscriberStatus.Active, analyst.Status);
        Assert.Equal("model", analyst.Topics);
        Assert.Equal(Monitor.Worker.Storage.Entities.SubscriberStatus.Unsubscribed, gone.Status);
        Assert.Equal(32, analyst.TokenStamp.Length);
        Assert.NotEqual(analyst.TokenStamp, gone.TokenStamp);
        var deliveries = await check.DigestDeliveries.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([analyst.Id, gone.Id], deliveries.Select(d => d.SubscriberId));
        Assert.Equal(Monitor.Worker.Storage.Entities.DeliveryState.GivenUp, deliveries[1].State);
        Assert.All(await check.DigestDeliveryItems.ToListAsync(), i => Assert.Equal(analyst.Id, i.SubscriberId));

        // The moved ledger still keeps the period: today's digest is not sent again.
        var report = await host.Services.GetRequiredService<Monitor.Worker.Digest.DeliveryLedger>()
            .LoadPageAsync([analyst.Id], ["daily:2026-11-20"], DateTime.MinValue, CancellationToken.None);
        Assert.NotNull(report.Find(analyst.Id, "daily:2026-11-20"));
        Assert.Equal(2, report.HistoryOf(analyst.Id).Announcements.Count);
    }
}
