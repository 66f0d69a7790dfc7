using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>Registers Quartz (in-memory store) with one crawl job per source and the digest job.</summary>
public static class SchedulingServiceCollectionExtensions
{
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

        builder.Services.AddQuartz(q =>
        {
            foreach (var source in sources.Where(s => s.Enabled))
            {
                var key = CrawlJob.KeyFor(source.Id);
                q.AddJob<CrawlJob>(j => j.WithIdentity(key).UsingJobData(CrawlJob.SourceIdKey, source.Id));
                q.AddTrigger(t => t.ForJob(key).WithIdentity(CrawlJob.TriggerKeyFor(source.Id))
                    .WithCronSchedule(source.Schedule ?? options.DefaultCrawlSchedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }

            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key));
            q.AddTrigger(t => t.ForJob(DigestJob.Key).WithIdentity("digest:trigger", "digest")
                .WithCronSchedule(options.DigestSchedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<ConfigReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfigReloader>());
        return builder;
    }
}
