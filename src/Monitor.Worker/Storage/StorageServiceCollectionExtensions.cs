using Microsoft.Extensions.Options;

namespace Monitor.Worker.Storage;

/// <summary>Registers the store on the configured provider and the migrator.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MonitorDbContextFactory"/>, the stores and <see cref="DatabaseMigrator"/>.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Monitor")
                ?? throw new InvalidOperationException("ConnectionStrings:Monitor is not set");
            return new MonitorDbContextFactory(options.Provider, connectionString);
        });
        builder.Services.AddSingleton<AnnouncementStore>();
        builder.Services.AddSingleton<SourceStateStore>();
        builder.Services.AddSingleton<RobotsStore>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        return builder;
    }
}
