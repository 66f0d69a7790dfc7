using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>A test class's own migrated database (SQLite file or a server's, by <paramref name="provider"/>) and store factory, without a host.</summary>
public abstract class MigratedStore(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TestEnvironment Env { get; } = new(provider);

    protected DatabaseProvider Provider => provider;

    protected MonitorDbContextFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = await Env.MigratedDatabaseAsync();

    public Task DisposeAsync()
    {
        Env.Dispose();
        return Task.CompletedTask;
    }
}
