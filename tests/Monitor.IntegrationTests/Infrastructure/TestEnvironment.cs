using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Worker.Cli;
using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// One test's world: a temporary directory with its own config (the shipped taxonomy, a sources.yaml the test writes),
/// its own SQLite file and outbox. Builds the real host through <c>AddMonitor()</c> with overrides.
/// </summary>
public sealed class TestEnvironment : IDisposable
{
    public TestEnvironment()
    {
        Root = Path.Combine(Path.GetTempPath(), "monitor-it-" + Guid.NewGuid().ToString("n"));
        ConfigDirectory = Path.Combine(Root, "config");
        Directory.CreateDirectory(ConfigDirectory);
        var shipped = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var file in Directory.GetFiles(shipped).Where(f => Path.GetFileName(f) is not ("sources.yaml" or "appsettings.json" or "appsettings.Development.json")))
        {
            File.Copy(file, Path.Combine(ConfigDirectory, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(ConfigDirectory, "templates"));
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, "templates")))
        {
            File.Copy(file, Path.Combine(ConfigDirectory, "templates", Path.GetFileName(file)));
        }

        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = $"Data Source={DatabasePath}",
            ["Monitor:Storage:Provider"] = "Sqlite",
            ["Monitor:Crawling:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Monitor:Digest:OutboxDirectory"] = OutboxDirectory,
            ["Monitor:Digest:From"] = "monitor@test.local",
        };
    }

    public string Root { get; }

    public string ConfigDirectory { get; }

    public string DatabasePath => Path.Combine(Root, "monitor.db");

    public string OutboxDirectory => Path.Combine(Root, "outbox");

    public ConfigPaths Paths => new(ConfigDirectory);

    /// <summary>Settings overrides (win over files and environment).</summary>
    public Dictionary<string, string?> Settings { get; }

    public void WriteSources(string yaml) => File.WriteAllText(Path.Combine(ConfigDirectory, "sources.yaml"), yaml);

    /// <summary>Writes a sources.yaml with one feed source.</summary>
    public void WriteFeedSource(string id, Uri url, string country = "FR", string language = "en") =>
        WriteSources($"sources:\n  - id: {id}\n    url: {url}\n    kind: feed\n    country: {country}\n    language: {language}\n");

    /// <summary>A context on this test's SQLite file, for assertions on what the worker stored.</summary>
    public MonitorDbContext OpenDatabase() => new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={DatabasePath}").CreateDbContext();

    public void UseSmtp(LoopbackSmtpServer smtp)
    {
        Settings["Monitor:Smtp:Host"] = "127.0.0.1";
        Settings["Monitor:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Monitor:Smtp:Security"] = "None";
    }

    public void AddSubscriber(int index, string email, string? topics = null, string? countries = null)
    {
        Settings[$"Monitor:Digest:Subscribers:{index}:Email"] = email;
        Settings[$"Monitor:Digest:Subscribers:{index}:SendHour"] = "0";
        if (topics is not null)
        {
            var list = topics.Split(',');
            for (var i = 0; i < list.Length; i++)
            {
                Settings[$"Monitor:Digest:Subscribers:{index}:Topics:{i}"] = list[i];
            }
        }

        if (countries is not null)
        {
            var list = countries.Split(',');
            for (var i = 0; i < list.Length; i++)
            {
                Settings[$"Monitor:Digest:Subscribers:{index}:Countries:{i}"] = list[i];
            }
        }
    }

    /// <summary>Builds the real one-shot host and migrates its database.</summary>
    public async Task<IHost> StartHostAsync(Action<IServiceCollection>? services = null)
    {
        var host = MonitorHost.CreateOneShot(Paths, overrides: Settings, services: services);
        await MonitorHost.PrepareDatabaseAsync(host, CancellationToken.None);
        return host;
    }

    /// <summary>A store factory on this test's SQLite file, migrated (no host).</summary>
    public async Task<MonitorDbContextFactory> MigratedDatabaseAsync()
    {
        var factory = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        await using var db = factory.CreateDbContext();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        return factory;
    }

    /// <summary>The settings as environment variables, for running the worker as a separate process.</summary>
    public IEnumerable<KeyValuePair<string, string>> AsEnvironment() =>
        Settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
