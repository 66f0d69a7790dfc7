using Monitor.Worker.Configuration;
using Monitor.Worker.Observability;
using Monitor.Worker.Web;

namespace Monitor.Worker.Cli;

/// <summary>Builds the host for a verb: the full worker with Kestrel and Quartz, or a one-shot host for commands.</summary>
public static class MonitorHost
{
    /// <summary>
    /// The hosts' defaults would reload an <c>appsettings.json</c> in the working directory on change, which watches the
    /// whole directory tree: with the database under it (the default <c>data/monitor.db</c>), every write of a crawl woke a
    /// watcher thread, about a fifth of the machine's CPU in the crawl benchmark. Monitor's settings live in the config
    /// directory, read once at start (sources and subscribers are reloaded by <see cref="Scheduling.ConfigReloader"/>).
    /// </summary>
    internal static readonly string[] NoFileWatching = ["--hostBuilder:reloadConfigOnChange=false"];

    /// <summary>Settings for a host that runs one command: the working directory as content root, nothing watched.</summary>
    public static HostApplicationBuilderSettings OneShotSettings() =>
        new() { Args = NoFileWatching, ContentRootPath = Directory.GetCurrentDirectory() };

    /// <summary>The worker: scheduler, web endpoints, migrations at start; <paramref name="overrides"/> win over files and environment.</summary>
    public static WebApplication CreateWorker(ConfigPaths paths, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        // The application name finds the compiled pages even when another assembly (a test host) is the entry point.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = NoFileWatching,
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = typeof(MonitorHost).Assembly.GetName().Name,
        });
        builder.Logging.AddMonitorConsole();
        builder.AddMonitor(paths, withScheduler: true, overrides);
        builder.AddWebPages();
        builder.AddTelemetryExport();
        var urls = builder.Configuration.GetValue<string>($"{WebOptions.SectionName}:Urls") ?? new WebOptions().Urls;
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMonitorEndpoints();
        app.MapObservability();
        return app;
    }

    /// <summary>Applies migrations and imports the configured subscribers, as the worker does at start.</summary>
    public static async Task PrepareDatabaseAsync(IHost host, CancellationToken cancellationToken)
    {
        await host.Services.GetRequiredService<Storage.DatabaseMigrator>().MigrateAsync(cancellationToken);
        await host.Services.GetRequiredService<Subscriptions.ConfiguredSubscriberImporter>().ImportAsync(cancellationToken);
    }

    /// <summary>A host for one command: no scheduler, no web server, logs (warnings and up) on stderr. Tests pass <paramref name="services"/> to swap the clock.
    /// A command that never sends mail passes <paramref name="sendsMail"/> false: the mail templates are then not checked.</summary>
    public static IHost CreateOneShot(ConfigPaths paths, bool verbose = false, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null,
        bool sendsMail = true)
    {
        var builder = Host.CreateApplicationBuilder(OneShotSettings());
        builder.Logging.ClearProviders();
        builder.Logging.AddMonitorConsole();
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddMonitor(paths, withScheduler: false, overrides, sendsMail);
        services?.Invoke(builder.Services);

        // Commands print their own results on stdout: the settings' Information level would bury them in log lines.
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = verbose ? LogLevel.Information : LogLevel.Warning;
            o.AddFilter("Microsoft", LogLevel.Warning);
            o.AddFilter("System.Net.Http", LogLevel.Warning);
            o.AddFilter("Polly", LogLevel.Warning);

            // Creating the first link-token key says "no XML encryptor configured" once; the README explains it.
            o.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        });
        return builder.Build();
    }
}
