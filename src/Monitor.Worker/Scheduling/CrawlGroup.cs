using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// One scheduled crawl: the enabled sources whose schedule (theirs, or the default) is <see cref="Schedule"/> and whose
/// id hashes to <see cref="Index"/> of <see cref="Count"/>. Membership depends only on a source's id and schedule, so
/// editing other sources never moves a source to another group, and a source is in exactly one group (its runs never
/// overlap, on any replica). The count is part of the name and the default schedule part of the job data, so a job
/// always crawls the members it was planned with, even on a replica whose settings differ (a rolling change).
/// </summary>
internal sealed record CrawlGroup(string Schedule, int Index, int Count)
{
    /// <summary>Quartz group of every crawl job and trigger.</summary>
    public const string JobGroup = "crawl";

    /// <summary>Job data keys.</summary>
    public const string ScheduleKey = "schedule", IndexKey = "group", CountKey = "groups", DefaultScheduleKey = "defaultSchedule";

    /// <summary>The job data key of a crawl job of versions before crawl groups (one job per source).</summary>
    public const string SourceIdKey = "sourceId";

    /// <summary>The job's name, readable in Quartz's tables and logs: the cron expression and the group number.</summary>
    public string Name => $"{Schedule} #{Index}/{Count}";

    public JobKey JobKey => new(Name, JobGroup);

    public TriggerKey TriggerKey => new(Name, JobGroup);

    /// <summary>The group of <paramref name="source"/> among <paramref name="groupsPerSchedule"/>.</summary>
    public static CrawlGroup Of(SourceDefinition source, string defaultSchedule, int groupsPerSchedule) =>
        new(source.Schedule ?? defaultSchedule, (int)(StableHash(source.Id) % (uint)groupsPerSchedule), groupsPerSchedule);

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

    /// <summary>This group's enabled sources in <paramref name="sources"/>, with the default schedule it was planned with.</summary>
    public List<SourceDefinition> Members(IEnumerable<SourceDefinition> sources, string defaultSchedule) =>
        sources.Where(s => s.Enabled && Of(s, defaultSchedule, Count) == this).ToList();

    /// <summary>The group a job's data names, with the default schedule it was planned with (null when the data is not
    /// a group's, e.g. a per-source job of an earlier version).</summary>
    public static (CrawlGroup Group, string DefaultSchedule)? FromJobData(JobDataMap data)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        const System.Globalization.NumberStyles digits = System.Globalization.NumberStyles.None;
        return data.GetString(ScheduleKey) is { Length: > 0 } schedule
            && data.GetString(DefaultScheduleKey) is { Length: > 0 } defaultSchedule
            && int.TryParse(data.GetString(IndexKey), digits, invariant, out var index)
            && int.TryParse(data.GetString(CountKey), digits, invariant, out var count) && count > 0 && index < count
            ? (new CrawlGroup(schedule, index, count), defaultSchedule)
            : null;
    }

    /// <summary>The job data of this group planned with <paramref name="defaultSchedule"/> (strings: the clustered
    /// store keeps job data as strings).</summary>
    public IEnumerable<(string Key, string Value)> JobData(string defaultSchedule) =>
    [
        (ScheduleKey, Schedule),
        (IndexKey, Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (CountKey, Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (DefaultScheduleKey, defaultSchedule),
    ];

    /// <summary>The durable, recoverable job that crawls this group.</summary>
    public IJobDetail Job(string defaultSchedule)
    {
        var job = JobBuilder.Create<CrawlJob>().WithIdentity(JobKey).RequestRecovery();
        foreach (var (key, value) in JobData(defaultSchedule))
        {
            job = job.UsingJobData(key, value);
        }

        return job.Build();
    }

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
