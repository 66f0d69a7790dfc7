using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.Operations;

/// <summary><c>db vacuum</c> gives the space freed by retention back to the disk (SQLite).</summary>
public sealed class DbVacuumTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task VacuumShrinksTheFileAfterTextIsDropped()
    {
        _env.WriteSources("sources: []\n");
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"),
            System.Text.Json.JsonSerializer.Serialize(new { ConnectionStrings = new { Monitor = $"Data Source={_env.DatabasePath}" } }));
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var contexts = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={_env.DatabasePath}");
        await using (var db = contexts.CreateDbContext())
        {
            for (var i = 0; i < 400; i++)
            {
                db.Announcements.Add(new Announcement
                {
                    UrlHash = $"{i:x64}", CanonicalUrl = $"https://example.org/{i}", SourceId = "s", ItemKeyHash = $"{i:x64}",
                    Title = $"Item {i}", FetchedAt = DateTime.UtcNow.AddDays(-400), Text = new string('x', 20_000),
                });
            }

            await db.SaveChangesAsync();
            await db.Announcements.ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, ""));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = new FileInfo(_env.DatabasePath).Length;

        var output = new StringWriter();
        var code = await CliApplication.RunAsync(["db", "vacuum", "--config", _env.ConfigDirectory], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains($"vacuumed {_env.DatabasePath}", output.ToString(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.True(new FileInfo(_env.DatabasePath).Length < before / 4, $"{before} -> {new FileInfo(_env.DatabasePath).Length} bytes");
        await using var check = contexts.CreateDbContext();
        Assert.Equal(400, await check.Announcements.CountAsync());
    }

    private async Task<int> RunAsync(params string[] args) =>
        await CliApplication.RunAsync([.. args, "--config", _env.ConfigDirectory], new StringWriter(), new StringWriter());
}
