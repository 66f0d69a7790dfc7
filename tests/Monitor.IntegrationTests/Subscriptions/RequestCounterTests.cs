using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Classification;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>The web limits (form posts per client, requests per address) and the LLM's daily budget are counted in the
/// database: two replicas on one database allow together what one allows, even when their requests arrive at the same
/// moment.</summary>
public abstract class RequestCounterTests(DatabaseProvider provider) : MigratedStore(provider)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 45, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task TwoReplicasShareOneLimit()
    {
        var replicaA = new RequestCounter(Factory, _clock);
        var replicaB = new RequestCounter(Factory, _clock);
        var answers = new List<RequestQuota>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await (i % 2 == 0 ? replicaA : replicaB).TakeAsync("ip", "192.0.2.7", 5, CancellationToken.None));
        }

        Assert.Equal([true, true, true, true, true, false, false, false], answers.Select(a => a.Allowed));
        Assert.All(answers, a => Assert.Equal(TimeSpan.FromMinutes(15), a.RetryAfter));

        // Another client, and the same value counted as another kind of limit, have counts of their own.
        Assert.True((await replicaB.TakeAsync("ip", "192.0.2.8", 5, CancellationToken.None)).Allowed);
        Assert.True((await replicaB.TakeAsync("address", "192.0.2.7", 5, CancellationToken.None)).Allowed);
    }

    [SkippableFact]
    public async Task RequestsArrivingTogetherNeverPassTheLimit()
    {
        var replicas = new[] { new RequestCounter(Factory, _clock), new RequestCounter(Factory, _clock) };
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => replicas[i % 2].TakeAsync("ip", "198.51.100.1", 10, CancellationToken.None))));

        Assert.Equal(10, answers.Count(a => a.Allowed));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(40, (await db.RequestCounts.SingleAsync()).Count);
    }

    [SkippableFact]
    public async Task EachHourCountsAfreshAndOldCountsAreDeleted()
    {
        var counter = new RequestCounter(Factory, _clock);
        for (var i = 0; i < 3; i++)
        {
            await counter.TakeAsync("ip", "203.0.113.9", 2, CancellationToken.None);
        }

        Assert.False((await counter.TakeAsync("ip", "203.0.113.9", 2, CancellationToken.None)).Allowed);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var nextHour = await counter.TakeAsync("ip", "203.0.113.9", 2, CancellationToken.None);
        Assert.True(nextHour.Allowed);
        Assert.Equal(TimeSpan.FromHours(1), nextHour.RetryAfter);

        // Counts are kept two days from their window's start (the longest window, the LLM's day, must outlive its day);
        // the first request of a window deletes those older.
        _clock.Advance(TimeSpan.FromHours(1));
        await counter.TakeAsync("ip", "203.0.113.10", 2, CancellationToken.None);
        Assert.Equal([Hour(7, 10), Hour(7, 11), Hour(7, 12)], await WindowsAsync());
        _clock.Advance(TimeSpan.FromHours(47));
        await counter.TakeAsync("ip", "203.0.113.11", 2, CancellationToken.None);
        Assert.Equal([Hour(7, 11), Hour(7, 12), Hour(9, 11)], await WindowsAsync());
    }

    private static DateTime Hour(int day, int hour) => new(2026, 12, day, hour, 0, 0);

    private async Task<List<DateTime>> WindowsAsync()
    {
        await using var db = Factory.CreateDbContext();
        var windows = await db.RequestCounts.Select(c => c.WindowStart).ToListAsync();
        return [.. windows.Select(w => DateTime.SpecifyKind(w, DateTimeKind.Unspecified)).Order()];
    }

    [SkippableFact]
    public async Task TheLlmsDailyBudgetIsSpentByAllReplicasTogether()
    {
        var chat = new CountingChat();
        var options = new LlmRefinementOptions { Enabled = true, Endpoint = "http://127.0.0.1:9/", Model = "test-model", DailyBudget = 3 };
        var replicas = new[]
        {
            new LlmRefiner(chat, options, _clock, new RequestCounter(Factory, _clock)),
            new LlmRefiner(chat, options, _clock, new RequestCounter(Factory, _clock)),
        };
        var unsure = new ClassificationResult(true, 0.55, ["regulation"], ["JP"], [], []);

        async Task<List<ClassificationResult>> RefineAsync(string day) => [.. await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            replicas[i % 2].RefineAsync(new ClassificationInput($"{day} item {i}", "Text about artificial intelligence."), unsure, 0.5, CancellationToken.None)))];

        var first = await RefineAsync("monday");
        Assert.Equal(3, chat.Calls);
        Assert.Equal(5, first.Count(r => r.Reasons.Contains("llm: skipped (daily budget used)")));

        // The next UTC day has a budget of its own.
        _clock.Advance(TimeSpan.FromHours(14));
        var second = await RefineAsync("tuesday");
        Assert.Equal(6, chat.Calls);
        Assert.Equal(3, second.Count(r => r.Reasons.Contains("llm: relevant (test-model)")));
    }

    [SkippableFact]
    public async Task TheDatabaseHoldsAHashNotTheAddress()
    {
        await new RequestCounter(Factory, _clock).TakeAsync("address", "someone@example.org", 5, CancellationToken.None);

        await using var db = Factory.CreateDbContext();
        var key = (await db.RequestCounts.SingleAsync()).Key;
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain("example", key, StringComparison.Ordinal);
    }
}

/// <summary>A chat model that counts its calls and always answers "relevant".</summary>
internal sealed class CountingChat : IChatClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"relevant": true, "topics": ["regulation"]}""")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary><see cref="RequestCounterTests"/> on SQLite.</summary>
public sealed class RequestCounterTestsOnSqlite() : RequestCounterTests(DatabaseProvider.Sqlite);

/// <summary><see cref="RequestCounterTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class RequestCounterTestsOnPostgreSql() : RequestCounterTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="RequestCounterTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class RequestCounterTestsOnSqlServer() : RequestCounterTests(DatabaseProvider.SqlServer);
