using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests.Operations;

/// <summary>Secrets given as files (<c>*_FILE</c>, the Docker-secrets convention) are used and never printed: the real
/// process, a real SMTP server that records the login, a database created where the connection-string file says.</summary>
public sealed class SecretFileTests : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple-7f3a";
    private readonly TestEnvironment _env = new();
    private LoopbackSmtpServer _smtp = null!;

    public Task InitializeAsync()
    {
        _smtp = LoopbackSmtpServer.Start(acceptLogins: true);
        _env.UseSmtp(_smtp);
        _env.WriteSources("sources: []\n");
        _env.Settings.Remove("ConnectionStrings:Monitor");
        _env.Settings["Monitor:Smtp:UserName"] = "monitor";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task SecretsFromFilesAreUsedAndNeverPrinted()
    {
        var database = Path.Combine(_env.Root, "from-secret.db");
        var secrets = Directory.CreateDirectory(Path.Combine(_env.Root, "secrets")).FullName;
        await File.WriteAllTextAsync(Path.Combine(secrets, "db"), $"Data Source={database}\n");
        await File.WriteAllTextAsync(Path.Combine(secrets, "smtp"), Password + "\n");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Monitor_FILE"] = Path.Combine(secrets, "db"),
            ["Monitor__Smtp__Password_FILE"] = Path.Combine(secrets, "smtp"),
            ["Logging__LogLevel__Default"] = "Debug",
        };

        using var add = WorkerProcess.Start(_env, environment, "subscribers", "add", "reader@example.org");
        var code = await add.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, add.Output + add.Error);
        Assert.Contains("confirmation mail sent", add.Output, StringComparison.Ordinal);
        Assert.Equal([("monitor", Password)], _smtp.Logins);
        Assert.True(File.Exists(database), "the connection string came from its file");
        Assert.DoesNotContain(Password, add.Output + add.Error, StringComparison.Ordinal);

        // A settings problem names where the setting came from, never its value.
        environment["Monitor__Smtp__Security"] = "SslOnConnect";
        environment["Monitor__Smtp__Port"] = "587";
        using var check = WorkerProcess.Start(_env, environment, "sources", "check");
        Assert.Equal(1, await check.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.DoesNotContain(Password, check.Output + check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSecretFileIsOneLineNamingTheVariable()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Monitor"] = $"Data Source={_env.DatabasePath}",
            ["Monitor__Smtp__Password_FILE"] = "/run/secrets/no-such-secret",
        };

        using var run = WorkerProcess.Start(_env, environment, "db", "migrate");

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Monitor__Smtp__Password_FILE: cannot read '/run/secrets/no-such-secret': file not found", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
