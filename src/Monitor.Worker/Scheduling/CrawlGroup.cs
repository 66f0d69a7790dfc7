using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// One scheduled crawl: the enabled sources that share <see cref="Schedule"/> and whose id hashes to
/// <see cref="Index"/>. Membership depends only on a source's id and schedule, so editing other sources never moves a
/// source to another group, and a source is in exactly one group (its runs never overlap, on any replica).
/// </summary>
internal sealed record CrawlGroup(string Schedule, int Index)
{
    /// <summary>Quartz group of every crawl job and trigger.</summary>
    public const string JobGroup = "crawl";

    /// <summary>Job data keys.</summary>
    public const string ScheduleKey = "schedule", IndexKey = "group";

    /// <summary>The job's name, readable in Quartz's tables and logs: the cron expression and the group number.</summary>
    public string Name => $"{Schedule} #{Index}";

    public JobKey JobKey => new(Name, JobGroup);

    public TriggerKey TriggerKey => new(Name, JobGroup);

    /// <summary>The group of <paramref name="source"/> among <paramref name="groupsPerSchedule"/>.</summary>
    public static CrawlGroup Of(SourceDefinition source, string defaultSchedule, int groupsPerSchedule) =>
        new(source.Schedule ?? defaultSchedule, (int)(StableHash(source.Id) % (uint)groupsPerSchedule));

    /// <summary>The groups that have enabled sources, each with its sources in configuration order.</summary>
    public static Dictionary<CrawlGroup, List<SourceDefinition>> Plan(IEnumerable<SourceDefinition> sources, string defaultSchedule, int groupsPerSchedule)
    {
        var groups = new Dictionary<CrawlGroup, List<SourceDefinition>>();
        foreach (var source in sources.Where(s => s.Enabled))
        {
            var group = Of(source, defaultSchedule, groupsPerSchedule);
            if (!groups.TryGetValue(group, out var members))
            {
                groups[group] = members = [];
            }

            members.Add(source);
        }

        return groups;
    }

    /// <summary>The group a job's data names (null when the data is not a group's, e.g. a job of an older version).</summary>
    public static CrawlGroup? FromJobData(JobDataMap data) =>
        data.GetString(ScheduleKey) is { Length: > 0 } schedule && int.TryParse(data.GetString(IndexKey), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? new CrawlGroup(schedule, index)
            : null;

    /// <summary>The durable, recoverable job that crawls this group.</summary>
    public IJobDetail Job() => JobBuilder.Create<CrawlJob>()
        .WithIdentity(JobKey)
        .RequestRecovery()
        .UsingJobData(ScheduleKey, Schedule)
        .UsingJobData(IndexKey, Index.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Build();

    /// <summary>The group's cron trigger; a missed fire is not made up (the group runs at its next time).</summary>
    public ITrigger Trigger(TimeProvider time) => TriggerBuilder.Create(time)
        .WithIdentity(TriggerKey)
        .ForJob(JobKey)
        .WithCronSchedule(Schedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
        .Build();

    /// <summary>A hash of <paramref name="text"/> that is the same in every process and version (unlike string.GetHashCode).</summary>
    public static uint StableHash(string text)
    {
        var hash = 17u;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        // MurmurHash3's finaliser: names that differ in their last character ("… #1", "… #2") land far apart.
        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85ebca6b);
        hash ^= hash >> 13;
        hash = unchecked(hash * 0xc2b2ae35);
        return hash ^ (hash >> 16);
    }
}
