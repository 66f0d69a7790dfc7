using SchedulingOptions = Monitor.Worker.Scheduling.SchedulingOptions;
using Quartz;

namespace Monitor.Worker.Operations;

/// <summary>Registers source alerts and retention, and their Quartz jobs when the scheduler runs.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>Adds the alerter and retention; with <paramref name="withScheduler"/> (and scheduling enabled) their jobs.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder, bool withScheduler)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SourceAlerter>();
        builder.Services.AddSingleton<TextRetention>();
        var scheduling = builder.Configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!withScheduler || !scheduling.Enabled)
        {
            return builder;
        }

        var alerts = builder.Configuration.GetSection(AlertOptions.SectionName).Get<AlertOptions>() ?? new AlertOptions();
        var retention = builder.Configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<AlertJob>(j => j.WithIdentity(AlertJob.Key));
            q.AddTrigger(t => t.ForJob(AlertJob.Key).WithIdentity("alerts:trigger", "operations")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(alerts.CheckSeconds)).RepeatForever()));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key));
            q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity("retention:trigger", "operations")
                .WithCronSchedule(retention.Schedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });

        // Quartz's own check: ready only while the scheduler runs (standby and not-yet-started count as not ready).
        builder.Services.AddHealthChecks().AddQuartz(o =>
        {
            o.Name = "scheduler";
            o.Tags.Add("ready");
            o.StandbyStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
        });
        return builder;
    }
}
