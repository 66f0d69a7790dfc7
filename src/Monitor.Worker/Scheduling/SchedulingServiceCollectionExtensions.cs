using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Registers Quartz with the digest job and a job slot per crawl group (one per <see cref="CrawlGroup"/>: the sources of
/// one schedule, split into <see cref="SchedulingOptions.CrawlGroups"/>), whose jobs <see cref="ConfigReloader"/>
/// schedules as it starts. On SQLite the store is in memory (one replica);
/// on SQL Server and PostgreSQL it is Quartz's ADO.NET job store in the same database, clustered: each trigger fires on
/// one replica, a job never runs on two at once, and a stopped replica's jobs are recovered by another.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler name every replica shares (the <c>sched_name</c> of Quartz's tables).</summary>
    public const string SchedulerName = "Monitor";

    /// <summary>Adds the scheduler; call after AddStorage so the migrator starts first.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, IReadOnlyList<SourceDefinition> sources)
    {
        var options = new SchedulingOptions();
        builder.Configuration.GetSection(SchedulingOptions.SectionName).Bind(options);
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (!options.Enabled)
        {
            return builder;
        }

        var storage = new StorageOptions();
        builder.Configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        var connectionString = builder.Configuration.GetConnectionString("Monitor") ?? "";
        var groups = CrawlGroup.Plan(sources, options.DefaultCrawlSchedule, options.CrawlGroups).Count;
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.GenerateInstanceId = true;

                // One trigger per round trip to the store: a fire is a whole group of sources, so replicas sharing the
                // groups of one moment evenly matters more than saving round trips.
                o.MaxBatchSize = 1;
            });
            // Every crawl group has a slot of its own besides MaxConcurrentJobs, so groups due at the same moment (all of a
            // schedule's) never wait for one another's runs, jitter included; a trigger waiting past the misfire
            // threshold would be skipped to its next time, and always the same groups.
            q.UseDefaultThreadPool(options.MaxConcurrentJobs + groups);
            if (storage.Provider == DatabaseProvider.Sqlite)
            {
                q.UseInMemoryStore(m => m.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds));
            }
            else
            {
                q.UsePersistentStore(s => UseClusteredStore(s, storage.Provider, connectionString, options));
            }

            // The crawl groups' jobs are scheduled by ConfigReloader as it starts, with the code that keeps them in step
            // with edits of sources.yaml.

            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).RequestRecovery());
            q.AddTrigger(t => t.ForJob(DigestJob.Key).WithIdentity("digest:trigger", "digest")
                .WithCronSchedule(options.DigestSchedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<ConfigReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfigReloader>());
        return builder;
    }

    // Quartz creates its own tables (ProvisionSchema: its DDL for exactly the version that runs) when they are missing,
    // after our migrations; it never alters existing ones, so a Quartz upgrade that changes its schema needs Quartz's
    // migration scripts (README, "Replicas"). Job data is one string (the source id), stored as a string property.
    private static void UseClusteredStore(IPersistentStoreBuilder store, DatabaseProvider provider, string connectionString, SchedulingOptions options)
    {
        store.ConfigureStore(o =>
        {
            o.StoreJobDataAsStrings = true;

            // Triggers are acquired under Quartz's row lock, so two replicas never race for one (as batches need).
            o.AcquireTriggersWithinLock = true;
            o.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds);
        });
        store.UseClustering(c =>
        {
            c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterFailureSeconds);
        });
        if (provider == DatabaseProvider.PostgreSql)
        {
            store.UsePostgres(Npgsql.NpgsqlFactory.Instance, connectionString);
        }
        else
        {
            store.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, connectionString);
        }

        store.ProvisionSchema();
        store.UseSystemTextJsonSerializer();
    }
}
