using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Fetching;
using Monitor.Worker.Observability;
using Monitor.Worker.Operations;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Subscriptions;
using Monitor.Worker.Web;

namespace Monitor.Worker;

/// <summary>Composes the worker: one <c>AddX()</c> per capability.</summary>
public static class MonitorApplicationBuilderExtensions
{
    /// <summary>
    /// Loads the configuration directory, validates everything (throwing <see cref="ConfigurationException"/> with every
    /// problem) and registers all capabilities. With <paramref name="withScheduler"/> Quartz runs the jobs;
    /// <paramref name="overrides"/> (used by the demo and tests) win over files and environment. Without
    /// <paramref name="sendsMail"/> (a verb that never sends mail) the mail templates are not checked.
    /// </summary>
    public static IHostApplicationBuilder AddMonitor(this IHostApplicationBuilder builder, ConfigPaths paths, bool withScheduler, IReadOnlyDictionary<string, string?>? overrides = null,
        bool sendsMail = true)
    {
        builder.AddMonitorConfiguration(paths);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        _ = MonitorDbContextFactory.WarmUpInBackground(builder.Configuration);
        var check = ConfigurationCheck.Run(builder.Configuration, paths, mailTemplates: sendsMail || withScheduler);
        if (!check.IsValid)
        {
            throw new ConfigurationException(check.Problems, ConfigurationLimits.From(builder.Configuration));
        }

        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(TimeProvider.System);
        var classifier = new AnnouncementClassifier(check.Taxonomy!);
        builder.Services.AddSingleton(new SourceCatalog(check.Sources, classifier));
        builder.AddClassification(classifier);
        builder.AddFetching();
        builder.AddStorage();
        builder.AddCrawling();
        builder.AddDigest();
        builder.AddSubscriptions();
        builder.AddWeb();
        builder.AddObservability();
        builder.AddOperations(withScheduler);
        if (withScheduler)
        {
            builder.AddScheduling(check.Sources);
        }

        return builder;
    }

    /// <summary>Adds <c>appsettings.json</c> (and the environment's variant) from the config directory; the environment
    /// overrides both, and <c>*_FILE</c> variables (Docker secrets) give settings from files.</summary>
    /// <exception cref="ConfigurationException">A settings file is too large or not valid JSON (with its line and column), or a secret file cannot be read.</exception>
    public static IHostApplicationBuilder AddMonitorConfiguration(this IHostApplicationBuilder builder, ConfigPaths paths)
    {
        var files = new[] { paths.AppSettingsFile, Path.Combine(paths.Directory, $"appsettings.{builder.Environment.EnvironmentName}.json") };
        var broken = files.Select(f => JsonSettingsFile.Check(f, new ConfigurationLimits())).OfType<ConfigProblem>().ToList();
        if (broken.Count > 0)
        {
            throw new ConfigurationException(broken);
        }

        foreach (var file in files)
        {
            builder.Configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.Add(new SecretFilesConfigurationSource());
        return builder;
    }
}
