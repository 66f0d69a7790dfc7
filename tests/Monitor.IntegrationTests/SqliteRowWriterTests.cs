using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

/// <summary>Rows the store writes on SQLite without EF's change tracking read back through EF exactly as rows EF wrote.</summary>
public sealed class SqliteRowWriterTests : MigratedStore
{
    [Fact]
    public async Task AnAnnouncementStoredByTheWriterReadsBackLikeOneStoredByEf()
    {
        var fetched = new DateTime(2026, 11, 20, 8, 30, 15, 123, DateTimeKind.Utc);
        await new AnnouncementStore(Factory, TimeProvider.System).StoreAsync([Full("https://example.org/writer", fetched)], [], () => [], CancellationToken.None);
        await using (var db = Factory.CreateDbContext())
        {
            // The same announcement through EF's own insert (its converters, its column formats).
            var viaEf = Full("https://example.org/ef", fetched);
            viaEf.Story = new Story { Title = viaEf.Title, CreatedAt = fetched };
            db.Announcements.Add(viaEf);
            await db.SaveChangesAsync();
        }

        await using var check = Factory.CreateDbContext();
        var rows = await check.Announcements.AsNoTracking().Include(a => a.ExtraKeys).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        var (writer, ef) = (rows[0], rows[1]);
        foreach (var property in typeof(Announcement).GetProperties().Where(p => p.Name is not ("Id" or "UrlHash" or "CanonicalUrl" or "ItemKeyHash" or "StoryId" or "Story" or "ExtraKeys")))
        {
            Assert.Equal(property.GetValue(ef), property.GetValue(writer));
        }

        Assert.Equal(DateTimeKind.Utc, writer.FetchedAt.Kind);
        Assert.Equal(fetched, writer.FetchedAt);
        Assert.Equal(SourcePublisher.Official, writer.Publisher);
        Assert.NotNull(writer.StoryId);
        Assert.Equal(ef.ExtraKeys.Select(k => (k.Key, k.FetchedAt)).Order(), writer.ExtraKeys.Select(k => (k.Key, k.FetchedAt)).Order());
        Assert.Equal(writer.StoryId, (await check.Stories.SingleAsync(s => s.Id == writer.StoryId)).Id);

        // The archive lists both under the same terms (EF's inserts get them from the interceptor, the writer's its own).
        var terms = await check.ArchiveTerms.AsNoTracking().ToListAsync();
        var writerTerms = terms.Where(t => t.AnnouncementId == writer.Id).Select(t => (t.Term, t.SortAt)).Order().ToList();
        Assert.NotEmpty(writerTerms);
        Assert.Equal(terms.Where(t => t.AnnouncementId == ef.Id).Select(t => (t.Term, t.SortAt)).Order(), writerTerms);
    }

    [Fact]
    public async Task SourceStatesAreInsertedThenUpdatedInPlace()
    {
        var state = new SourceState { SourceId = "wire", ETag = "\"a\"", LastSuccessAt = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc), ItemsStored = 3 };
        var store = new SourceStateStore(Factory);
        await store.SaveAsync(state, CancellationToken.None);
        state.ETag = null;
        state.LastError = "HTTP 500";
        state.ConsecutiveFailures = 2;
        await store.SaveAsync(state, CancellationToken.None);

        var stored = Assert.Single((await store.GetAllAsync(CancellationToken.None)).Values);
        Assert.Null(stored.ETag);
        Assert.Equal("HTTP 500", stored.LastError);
        Assert.Equal(2, stored.ConsecutiveFailures);
        Assert.Equal(3, stored.ItemsStored);
        Assert.Equal(DateTimeKind.Utc, stored.LastSuccessAt!.Value.Kind);
    }

    private static Announcement Full(string url, DateTime fetched) => new()
    {
        UrlHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(url),
        CanonicalUrl = url,
        SourceId = "wire",
        ItemKeyHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(url + "#key"),
        Title = "Cabinet approves Rs 10,372 crore for the IndiaAI Mission with Ministry of Electronics and IT",
        TitleGloss = "gloss",
        PublishedAt = fetched.AddHours(-3),
        FetchedAt = fetched,
        Language = "en",
        Text = "The Union Cabinet approved the IndiaAI Mission with 10,372 crore, PIF and KAIST said; NVIDIA B200 GPUs, 10,000 of them.",
        Summary = "The Union Cabinet approved the IndiaAI Mission.",
        ContentHash = "abc",
        SimHash = -1234567890123,
        Publisher = SourcePublisher.Official,
        FeedHash = 42,
        Topics = "investment infrastructure",
        Countries = "IN",
        Models = "Falcon|Jais",
        Relevant = true,
        Score = 0.8123,
        Reasons = "a|b",
    };
}
