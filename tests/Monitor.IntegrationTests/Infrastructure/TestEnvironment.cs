using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Worker.Cli;
using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// One test's world: a temporary directory with its own config (the shipped taxonomy, a sources.yaml the test writes),
/// its own database (a SQLite file, or a database of its own on a real PostgreSQL or SQL Server: see
/// <see cref="ServerDatabases"/>) and outbox. Builds the real host through <c>AddMonitor()</c> with overrides.
/// </summary>
public sealed class TestEnvironment : IDisposable
{
    public TestEnvironment(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        ConnectionString = provider == DatabaseProvider.Sqlite ? "" : ServerDatabases.CreateAsync(provider).GetAwaiter().GetResult();
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

        if (provider == DatabaseProvider.Sqlite)
        {
            ConnectionString = $"Data Source={DatabasePath}";
        }

        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = ConnectionString,
            ["Monitor:Storage:Provider"] = provider.ToString(),
            ["Monitor:Crawling:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Monitor:Digest:OutboxDirectory"] = OutboxDirectory,
            ["Monitor:Digest:From"] = "monitor@test.local",
        };
    }

    public string Root { get; }

    /// <summary>The database this test runs on.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>This test's database.</summary>
    public string ConnectionString { get; }

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

    /// <summary>A context on this test's database, for assertions on what the worker stored.</summary>
    public MonitorDbContext OpenDatabase() => Factory().CreateDbContext();

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

    /// <summary>Whether <paramref name="connection"/> is to this test's database (the SQLite file, or the server database's name).</summary>
    public bool IsOwn(System.Data.Common.DbConnection connection) => Provider switch
    {
        DatabaseProvider.Sqlite => connection.DataSource == DatabasePath,
        DatabaseProvider.PostgreSql => connection.Database == new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database,
        _ => connection.Database == new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString).InitialCatalog,
    };

    /// <summary>A store factory on this test's database (no host).</summary>
    public MonitorDbContextFactory Factory(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(Provider, ConnectionString, interceptors);

    /// <summary>A store factory on this test's database, migrated (no host).</summary>
    public async Task<MonitorDbContextFactory> MigratedDatabaseAsync()
    {
        var factory = Factory();
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
        if (Provider != DatabaseProvider.Sqlite)
        {
            ServerDatabases.Drop(Provider, ConnectionString);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
