using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Operations;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.Operations;

/// <summary>Retention empties old extracted text and keeps announcements, stories and the delivery ledger; each run
/// starts where the last one stopped.</summary>
public sealed class TextRetentionTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public TextRetentionTests()
    {
        _env.WriteSources("sources: []\n");
        _env.Settings["Monitor:Retention:TextDays"] = "30";
        _env.Settings["Monitor:Retention:BatchSize"] = "10";
    }

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task DropsOldTextKeepsEverythingElse()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        using var host = await _env.StartHostAsync(s => s.AddSingleton<TimeProvider>(clock));
        var contexts = host.Services.GetRequiredService<MonitorDbContextFactory>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = contexts.CreateDbContext())
        {
            var story = new Story { Title = "story", CreatedAt = now.AddDays(-60) };
            for (var i = 0; i < 35; i++)
            {
                db.Announcements.Add(Announcement(i, now.AddDays(i < 25 ? -40 - i : -5), story));
            }

            var subscriber = new Subscriber { Email = "a@example.org", EmailKey = "a@example.org", TokenStamp = "x", Status = SubscriberStatus.Active };
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync();
            db.DigestDeliveries.Add(new DigestDelivery { SubscriberId = subscriber.Id, PeriodKey = "daily:2026-10-20", State = DeliveryState.Sent, CreatedAt = now.AddDays(-42), MessageId = "m@x" });
            await db.SaveChangesAsync();
        }

        var dropped = await host.Services.GetRequiredService<TextRetention>().RunAsync(CancellationToken.None);

        Assert.Equal(25, dropped);
        await using (var db = contexts.CreateDbContext())
        {
            var all = await db.Announcements.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(35, all.Count);
            Assert.All(all.Where(a => a.FetchedAt < now.AddDays(-30)), a => Assert.Equal("", a.Text));
            Assert.All(all.Where(a => a.FetchedAt >= now.AddDays(-30)), a => Assert.StartsWith("Full text", a.Text, StringComparison.Ordinal));
            Assert.All(all, a => Assert.StartsWith("Summary", a.Summary, StringComparison.Ordinal));
            Assert.All(all, a => Assert.NotNull(a.StoryId));
            Assert.Equal(1, await db.Stories.CountAsync());
            Assert.Equal(1, await db.DigestDeliveries.CountAsync());
            Assert.Equal(now.AddDays(-30), (await db.MaintenanceMarkers.SingleAsync()).Value);
        }

        // The next night only the ten days that aged past the cutoff since are looked at.
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(10, await host.Services.GetRequiredService<TextRetention>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await host.Services.GetRequiredService<TextRetention>().RunAsync(CancellationToken.None));
    }

    private static Announcement Announcement(int i, DateTime fetched, Story story) => new()
    {
        UrlHash = $"{i:x64}",
        CanonicalUrl = $"https://example.org/{i}",
        SourceId = "s",
        ItemKeyHash = $"{i:x64}",
        Title = $"Announcement {i}",
        FetchedAt = fetched,
        Text = $"Full text of announcement {i}, long enough to matter.",
        Summary = $"Summary {i}",
        Story = story,
    };
}
