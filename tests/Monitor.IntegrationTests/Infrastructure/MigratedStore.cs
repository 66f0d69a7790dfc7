using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>A test class's own migrated SQLite file and store factory, without a host.</summary>
public abstract class MigratedStore : IAsyncLifetime
{
    protected TestEnvironment Env { get; } = new();

    protected MonitorDbContextFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = await Env.MigratedDatabaseAsync();

    public Task DisposeAsync()
    {
        Env.Dispose();
        return Task.CompletedTask;
    }
}
