using System.Net;
using System.Net.Sockets;
using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests;

/// <summary>
/// Fatal start-up failures of the real process: one line naming the setting, file or path and what to do, exit 1,
/// no stack trace (the runtime's crash was exit 134 with 20 to 95 lines).
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public StartupFailureTests() => _env.WriteSources("sources:\n  - id: a\n    url: https://example.org/feed.xml\n    country: FR\n    language: fr\n");

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task AppSettingsSyntaxErrorNamesTheFileLineAndColumn()
    {
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), "{\n  \"Monitor\": {\n    \"Storage\": { \"Provider\": \"Sqlite\" },,\n  }\n}\n");

        var (code, error) = await RunAsync("db", "migrate");

        Assert.Equal(1, code);
        Assert.Equal("configuration problem: appsettings.json: line 3, column 41: invalid JSON: ',' is an invalid start of a property name. Expected a '\"'", error.Trim());
    }

    [Theory]
    [InlineData("under-a-file", "is a file, so the database")]
    [InlineData("a-directory", "is a directory, not a database file")]
    [InlineData("missing-tree", "does not exist: create it, or fix the path")]
    public async Task UnusableDatabasePathsAreOneLine(string shape, string expected)
    {
        var blocker = Path.Combine(_env.Root, "blocker");
        File.WriteAllText(blocker, "");
        _env.Settings["ConnectionStrings:Monitor"] = "Data Source=" + shape switch
        {
            "under-a-file" => Path.Combine(blocker, "monitor.db"),
            "a-directory" => _env.Root,
            _ => Path.Combine(_env.Root, "no", "such", "tree", "monitor.db"),
        };

        var (code, error) = await RunAsync("db", "migrate");

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
        Assert.False(Directory.Exists(Path.Combine(_env.Root, "no")), "a missing directory tree must never be created");
    }

    [Theory]
    [InlineData("directory", "cannot create files in")]
    [InlineData("file", "cannot be opened for writing")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ADatabaseThatCannotBeWrittenIsOneLine(string readOnly, string expected)
    {
        // Root writes anywhere, so the worker runs as an unprivileged user (nobody, through setpriv) when tests run as root.
        var directory = Path.Combine(_env.Root, "ro");
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "monitor.db");
        _env.Settings["ConnectionStrings:Monitor"] = "Data Source=" + database;
        if (readOnly == "file")
        {
            using (await _env.StartHostAsync())
            {
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var sidecar in Directory.GetFiles(directory).Where(f => f != database))
            {
                File.Delete(sidecar);
            }

            File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
        }
        else
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        using var worker = WorkerProcess.StartUnprivileged(_env, "db", "migrate");
        var code = await worker.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, code);
        Assert.Contains(expected, worker.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings", worker.Error, StringComparison.Ordinal);
        Assert.Single(Lines(worker.Error));
        File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
    }

    [Fact]
    public async Task OneMissingDatabaseDirectoryIsCreatedAndSaidSo()
    {
        _env.Settings["ConnectionStrings:Monitor"] = "Data Source=" + Path.Combine(_env.Root, "data", "monitor.db");

        var (code, error) = await RunAsync("db", "migrate");

        Assert.Equal(0, code);
        Assert.Contains("Created the missing database directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableSqlServerIsOneLine()
    {
        _env.Settings["Monitor:Storage:Provider"] = "SqlServer";
        _env.Settings["ConnectionStrings:Monitor"] = $"Server=127.0.0.1,{ClosedPort()};Database=Monitor;User Id=sa;Password=not-shown;Connect Timeout=3;TrustServerCertificate=true";

        var (code, error) = await RunAsync("db", "migrate");

        Assert.Equal(1, code);
        Assert.StartsWith("error: cannot open the database (SQL Server 127.0.0.1,", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-shown", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public async Task PortInUseIsOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        _env.Settings["Monitor:Web:Urls"] = url;
        _env.Settings["Monitor:Scheduling:Enabled"] = "false";

        var (code, error) = await RunAsync("run");

        Assert.Equal(1, code);
        var last = Lines(error).Last();
        Assert.StartsWith($"error: cannot listen on {url} (Monitor:Web:Urls)", last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monitor:Web:Urls", "localhost:8080", "Urls: 'localhost:8080' is not an address to listen on")]
    [InlineData("Monitor:Storage:Provider", "Postgres", "Provider: 'Postgres' is not one of: Sqlite, SqlServer, PostgreSql")]
    [InlineData("Monitor:Crawling:TimeoutSeconds", "soon", "TimeoutSeconds: 'soon' is not a whole number")]
    [InlineData("Monitor:Crawling:AllowedNetworks:0", "loopback", "'loopback' is not a network in CIDR notation")]
    public async Task SourcesCheckNamesWhereABadSettingCameFrom(string key, string value, string expected)
    {
        _env.Settings[key] = value;

        var (code, error) = await RunAsync("sources", "check");

        Assert.Equal(1, code);
        Assert.Contains($"environment ({key.Replace(":", "__", StringComparison.Ordinal)}): ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityNoneWithCredentialsToARemoteServerIsRefused()
    {
        _env.Settings["Monitor:Smtp:Host"] = "smtp.example.org";
        _env.Settings["Monitor:Smtp:Security"] = "None";
        _env.Settings["Monitor:Smtp:UserName"] = "monitor";
        _env.Settings["Monitor:Smtp:Password"] = "secret";

        var (code, error) = await RunAsync("sources", "check");

        Assert.Equal(1, code);
        Assert.Contains("would send the password in clear to smtp.example.org", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var worker = WorkerProcess.Start(_env, null, args);
        var code = await worker.WaitAsync(TimeSpan.FromSeconds(90));
        return (code, worker.Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
