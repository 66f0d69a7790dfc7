using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests;

/// <summary>Passes after the first: robots.txt kept across processes, a 304 pass writes only source states, and an
/// edited item updates its announcement instead of adding one.</summary>
public abstract class CrawlPassTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestEnvironment _env = new(provider);
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        ServeFeed("The Digital Agency released a domestic large language model trained on Japanese government documents for public services.");
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _env.WriteSources($"""
            sources:
              - id: wire
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: JP
                language: en
              - id: agency
                url: {_web.Url("/agency.xml")}
                kind: feed
                country: JP
                language: en
            """);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [SkippableFact]
    public async Task ASecondPassInANewProcessAsksNoRobotsTxtAndWritesOnlyTheSourceStates()
    {
        using (var first = await _env.StartHostAsync())
        {
            var outcomes = await first.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);
            Assert.All(outcomes, o => Assert.Equal("ok", o.Status));
        }

        Assert.Equal(1, _web.CountStatus("/robots.txt", 200));
        using var second = await _env.StartHostAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await LogRowChangesAsync();
        }

        using var commands = new CommandLog(_env);

        var again = await second.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);

        Assert.All(again, o => Assert.Equal("not-modified", o.Status));
        Assert.Equal(1, _web.CountStatus("/robots.txt", 200));
        Assert.Equal(2, _web.Requests.Count(r => r.Path is "/feed.xml" or "/agency.xml" && r.Status == 304));
        Assert.DoesNotContain(commands.Texts, t => t.Contains("\"Announcements\"", StringComparison.Ordinal) || t.Contains("[Announcements]", StringComparison.Ordinal));
        if (provider == DatabaseProvider.Sqlite)
        {
            // SQLite's source states are written by a prepared statement EF does not see: what the database saw
            // (triggers on every table the crawl writes, whoever wrote) is one update of each source's state and nothing else.
            Assert.Equal(["update SourceStates", "update SourceStates"], await RowChangesAsync());
        }
        else
        {
            var writes = commands.Texts.Where(t => !t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(2, writes.Sum(t => CountOf(t, "UPDATE \"SourceStates\"") + CountOf(t, "UPDATE [SourceStates]")));
            Assert.DoesNotContain(writes, t => t.Contains("INSERT", StringComparison.Ordinal) || t.Contains("DELETE", StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task AnEditedItemUpdatesItsAnnouncementWhenTheChangeIsMaterial()
    {
        using var host = await _env.StartHostAsync();
        var runner = host.Services.GetRequiredService<CrawlRunner>();
        await runner.RunAsync("wire", force: true, CancellationToken.None);

        // A comma added: the source's data changed, the text did not materially.
        ServeFeed("The Digital Agency released a domestic large language model, trained on Japanese government documents for public services.");
        await runner.RunAsync("wire", force: true, CancellationToken.None);
        await using (var db = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext())
        {
            var unchanged = await db.Announcements.SingleAsync();
            Assert.Null(unchanged.UpdatedAt);
            Assert.DoesNotContain("model,", unchanged.Text, StringComparison.Ordinal);
        }

        ServeFeed("The ministry postponed the release of the model to next spring after a security review found problems with its training data, officials said on Friday.");
        var outcome = (await runner.RunAsync("wire", force: true, CancellationToken.None)).Single();

        await using var check = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext();
        var updated = await check.Announcements.SingleAsync();
        Assert.NotNull(updated.UpdatedAt);
        Assert.Contains("postponed the release", updated.Text, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ItemsNew);
        Assert.Contains("1 updated", outcome.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ThePassAfterOneThatWasKilledIndexesWhatItLeftOutOfTheArchive()
    {
        using (var first = await _env.StartHostAsync())
        {
            // A pass killed while it held its archive rows back (SQLite): its announcement is stored, its rows are not.
            _ = first.Services.GetRequiredService<AnnouncementStore>().DeferArchiveIndex();
            await first.Services.GetRequiredService<CrawlRunner>().RunAsync("wire", force: false, CancellationToken.None);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal((1, 0), await RelevantAndIndexedAsync());
        }

        // The next process's next pass that stores something writes them before it holds its own rows back.
        using var second = await _env.StartHostAsync();
        var stored = (await second.Services.GetRequiredService<CrawlRunner>().RunAsync("agency", force: false, CancellationToken.None)).Single();
        Assert.Equal(1, stored.ItemsNew);
        var (relevant, indexed) = await RelevantAndIndexedAsync();
        Assert.True(relevant >= 1);
        Assert.Equal(relevant, indexed);
    }

    private async Task<(int Relevant, int Indexed)> RelevantAndIndexedAsync()
    {
        await using var db = new MonitorDbContextFactory(provider, _env.ConnectionString).CreateDbContext();
        var relevant = await db.Announcements.CountAsync(a => a.Relevant);
        var indexed = await db.ArchiveTerms.CountAsync(t => t.Term == Monitor.Worker.Archive.ArchiveTerms.All);
        return (relevant, indexed);
    }

    private void ServeFeed(string description)
    {
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(("w-1", "Japan releases a national large language model", "/news/japan-llm.html", "Fri, 20 Nov 2026 08:30:00 +0900", description)));
        _web.Serve("/agency.xml", "application/rss+xml", Fixtures.Rss(("a-1", "Agency opens GPU cluster to universities", "/agency/gpu.html", "Thu, 19 Nov 2026 08:30:00 +0900", "The national GPU cluster opens to university researchers in December.")));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static readonly string[] CrawlTables = ["SourceStates", "Announcements", "Stories", "StoryKeys", "RobotsEntries"];

    // Triggers that record every row inserted, updated or deleted in the tables a crawl writes, by any writer.
    private async Task LogRowChangesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_env.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var sql = new System.Text.StringBuilder("CREATE TABLE RowChanges (Id INTEGER PRIMARY KEY, Change TEXT NOT NULL);");
        foreach (var table in CrawlTables)
        {
            foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"CREATE TRIGGER Log{operation}{table} AFTER {operation} ON \"{table}\" BEGIN INSERT INTO RowChanges (Change) VALUES ('{operation.ToLowerInvariant()} {table}'); END;");
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> RowChangesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_env.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Change FROM RowChanges ORDER BY Id";
        var changes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            changes.Add(reader.GetString(0));
        }

        return changes;
    }

    // Every command EF Core sends to one test's database, from its diagnostic events (other tests' databases are ignored).
    private sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly TestEnvironment _env;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];

        public CommandLog(TestEnvironment env)
        {
            _env = env;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public System.Collections.Concurrent.ConcurrentQueue<string> Texts { get; } = new();

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection is DbConnection connection && _env.IsOwn(connection))
            {
                Texts.Enqueue(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}

/// <summary><see cref="CrawlPassTests"/> on SQLite.</summary>
public sealed class CrawlPassTestsOnSqlite() : CrawlPassTests(DatabaseProvider.Sqlite);

/// <summary><see cref="CrawlPassTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class CrawlPassTestsOnPostgreSql() : CrawlPassTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="CrawlPassTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class CrawlPassTestsOnSqlServer() : CrawlPassTests(DatabaseProvider.SqlServer);
