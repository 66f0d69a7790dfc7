using Monitor.Worker.Scheduling;
using Monitor.Worker.Sources;

namespace Monitor.Tests.Cli;

public sealed class CrawlGroupTests
{
    private const string Hourly = "0 0 * * * ?";

    [Fact]
    public void EveryEnabledSourceIsInExactlyOneGroupOfItsSchedule()
    {
        var sources = Enumerable.Range(0, 300).Select(i => Source($"s-{i}", i % 3 == 0 ? "0 30 * * * ?" : null, enabled: i % 10 != 7)).ToList();

        var plan = CrawlGroup.Plan(sources, Hourly, 16);

        var members = plan.SelectMany(g => g.Value.Select(s => (Group: g.Key, Source: s))).ToList();
        Assert.Equal(sources.Where(s => s.Enabled).Select(s => s.Id).Order(), members.Select(m => m.Source.Id).Order());
        Assert.All(members, m => Assert.Equal(m.Source.Schedule ?? Hourly, m.Group.Schedule));
        Assert.All(plan.Keys, g => Assert.InRange(g.Index, 0, 15));
        Assert.Equal(2, plan.Keys.Select(g => g.Schedule).Distinct().Count());
    }

    [Fact]
    public void SourcesAreSpreadOverTheGroups()
    {
        var plan = CrawlGroup.Plan(Enumerable.Range(0, 1000).Select(i => Source($"farm-{i:D4}", null)), Hourly, 16);

        Assert.Equal(16, plan.Count);
        Assert.All(plan.Values, members => Assert.InRange(members.Count, 1000 / 16 / 2, 1000 / 16 * 2));
    }

    [Fact]
    public void EditingOtherSourcesNeverMovesASource()
    {
        var before = CrawlGroup.Plan(Enumerable.Range(0, 50).Select(i => Source($"s-{i}", null)), Hourly, 16);
        var after = CrawlGroup.Plan(Enumerable.Range(0, 80).Where(i => i % 7 != 0).Select(i => Source($"s-{i}", null)), Hourly, 16);

        var groupBefore = before.SelectMany(g => g.Value.Select(s => (s.Id, g.Key))).ToDictionary(x => x.Id, x => x.Key);
        var groupAfter = after.SelectMany(g => g.Value.Select(s => (s.Id, g.Key))).ToDictionary(x => x.Id, x => x.Key);
        Assert.All(groupBefore.Keys.Intersect(groupAfter.Keys), id => Assert.Equal(groupBefore[id], groupAfter[id]));
    }

    [Fact]
    public void AGroupJobCarriesItsGroupAndTheSettingsItWasPlannedWith()
    {
        var group = CrawlGroup.Of(Source("jp-cao", "0 15 * * * ?"), Hourly, 16);

        var job = group.Job(Hourly);

        Assert.Equal((group, Hourly), CrawlGroup.FromJobData(job.JobDataMap));
        Assert.True(job.RequestsRecovery);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.Null(CrawlGroup.FromJobData(new Quartz.JobDataMap { [CrawlGroup.SourceIdKey] = "jp-cao" }));
    }

    [Fact]
    public void AJobCrawlsTheMembersItWasPlannedWithEvenWhereTheSettingsDiffer()
    {
        // A rolling change of CrawlGroups or DefaultCrawlSchedule: a job planned by one replica may fire on another.
        var sources = Enumerable.Range(0, 200).Select(i => Source($"s-{i}", i % 4 == 0 ? "0 30 * * * ?" : null)).ToList();
        var planned = CrawlGroup.Plan(sources, Hourly, 16);

        foreach (var (group, members) in planned)
        {
            var (fromData, defaultSchedule) = CrawlGroup.FromJobData(group.Job(Hourly).JobDataMap)!.Value;
            Assert.Equal(members.Select(m => m.Id), fromData.Members(sources, defaultSchedule).Select(m => m.Id));
        }

        // The group count is in the name: plans with different counts never share a job, so no source is in two
        // groups of one job store under one name, and a replica with another count removes the other plan's jobs.
        var eight = CrawlGroup.Plan(sources, Hourly, 8).Keys.Select(g => g.JobKey).ToHashSet();
        Assert.All(planned.Keys, g => Assert.DoesNotContain(g.JobKey, eight));
    }

    [Fact]
    public void GroupsOfOneScheduleStartAtSpreadOutDelays()
    {
        var delays = Enumerable.Range(0, 16).Select(i => CrawlJob.Jitter(new CrawlGroup(Hourly, i, 16).Name, 120)).ToList();

        Assert.True(delays.Distinct().Count() >= 10, $"only {delays.Distinct().Count()} distinct delays for 16 groups");
        Assert.True(delays.Max() - delays.Min() >= TimeSpan.FromSeconds(60), "the delays spread over the window");
    }

    private static SourceDefinition Source(string id, string? schedule, bool enabled = true) =>
        new() { Id = id, Url = new Uri($"https://example.org/{id}.xml"), Country = "JP", Language = "ja", Schedule = schedule, Enabled = enabled };
}
