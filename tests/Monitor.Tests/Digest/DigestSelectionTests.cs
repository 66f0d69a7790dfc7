using Monitor.Worker.Digest;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Tests.Digest;

public sealed class DigestSelectionTests
{
    private static readonly DateTime Fetched = new(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc);

    private static DigestCandidate Item(long id, string source, double score, long? story = null, string topics = "regulation", string countries = "JP", string? language = "ja") =>
        DigestCandidate.From(new Announcement
        {
            Id = id,
            UrlHash = $"hash-{id}",
            CanonicalUrl = $"https://{source}.example/{id}",
            SourceId = source,
            ItemKeyHash = $"key-{id}",
            Title = $"title {id}",
            Summary = $"summary {id}",
            Score = score,
            StoryId = story,
            Topics = topics,
            Countries = countries,
            Language = language,
            Models = "Sarashina|PLaMo",
            Reasons = "topic:regulation \"AI law\"|country:JP",
            FetchedAt = Fetched,
            PublishedAt = Fetched.AddHours(-id),
        });

    private static SourceDefinition? Source(string sourceId) =>
        new() { Id = sourceId, Name = sourceId.ToUpperInvariant(), Url = new Uri($"https://{sourceId}.example/"), Country = "JP", Language = "ja" };

    private static readonly ILookup<long, string> NoMates = Array.Empty<DigestCandidate>().ToLookup(c => c.StoryKey, c => c.Announcement.SourceId);

    private static ILookup<long, string> Mates(params DigestCandidate[] mates) => mates.ToLookup(c => c.StoryKey, c => c.Announcement.SourceId);

    private static SubscriberFilter Filter(string topics = "", string countries = "", string languages = "", double? minScore = null) =>
        SubscriberFilter.For(new Subscriber { Email = "a@example.org", EmailKey = "a@example.org", TokenStamp = "s", Topics = topics.Replace(',', ' '),
            Countries = countries.Replace(',', ' '), Languages = languages.Replace(',', ' '), MinScore = minScore }, 0.5, 0.8);

    private static List<DigestCandidate> Choose(IReadOnlyList<DigestCandidate> pool, int maxStories) =>
        DigestSelection.Choose(pool, Filter(), DeliveredHistory.Empty, maxStories);

    [Theory]
    [InlineData("", "", "", true)]
    [InlineData("regulation", "", "", true)]
    [InlineData("model,regulation", "", "", true)]
    [InlineData("model", "", "", false)]
    [InlineData("", "JP", "", true)]
    [InlineData("", "KR,US", "", false)]
    [InlineData("", "KR,EU", "", true)]
    [InlineData("", "", "ja", true)]
    [InlineData("", "", "en", false)]
    [InlineData("regulation", "JP", "ja", true)]
    [InlineData("regulation", "JP", "en", false)]
    public void MatchesTopicCountryAndLanguageFilters(string topics, string countries, string languages, bool expected)
    {
        Assert.Equal(expected, Filter(topics, countries, languages).Matches(Item(1, "cao", 0.9, topics: "strategy regulation", countries: "JP EU")));
    }

    [Theory]
    [InlineData("en-GB", "en", true)]
    [InlineData("EN", "en", true)]
    [InlineData("eng", "en", false)]
    [InlineData(null, "en", false)]
    public void LanguageFilterMatchesTheTagAndItsRegions(string? language, string filter, bool expected)
    {
        Assert.Equal(expected, Filter(languages: filter).Matches(Item(1, "gov", 0.9, language: language)));
    }

    [Fact]
    public void TopicFilterMatchesWholeIdentifiersOnly()
    {
        Assert.False(Filter(topics: "data").Matches(Item(1, "gov", 0.9, topics: "data-talent")));
    }

    [Fact]
    public void TheOfficialReportLeadsItsStoryEvenWhenOutletsScoreHigher()
    {
        var ministry = Item(2, "ministry", 0.6, story: 10);
        ministry.Announcement.Publisher = Monitor.Worker.Sources.SourcePublisher.Official;
        var items = new[] { Item(1, "wire", 0.9, story: 10), ministry, Item(3, "paper", 0.8, story: 10) };

        var lead = Assert.Single(DigestSelection.Entries(items, NoMates, Source));

        Assert.Equal(2, lead.AnnouncementId);
        Assert.Equal("MINISTRY", lead.SourceName);
        Assert.Equal(["PAPER", "WIRE"], lead.AlsoReportedBy.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MakesOneEntryPerStoryLedByTheBestScoredReport()
    {
        var items = new[]
        {
            Item(1, "wire", 0.6, story: 10),
            Item(2, "ministry", 0.9, story: 10),
            Item(3, "paper", 0.7, story: 10),
            Item(4, "ministry", 0.5),
        };

        var entries = DigestSelection.Entries(items, NoMates, Source);

        Assert.Equal(2, entries.Count);
        var lead = entries[0];
        Assert.Equal(2, lead.AnnouncementId);
        Assert.Equal("MINISTRY", lead.SourceName);
        Assert.Equal(["WIRE", "PAPER"], lead.AlsoReportedBy.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(4, entries[1].AnnouncementId);
        Assert.Empty(entries[1].AlsoReportedBy);
    }

    [Fact]
    public void ListsStoryMatesSentEarlierAsAlsoReportedByButNeverTheLeadsOwnSource()
    {
        var items = new[] { Item(5, "ministry", 0.9, story: 20) };
        var mates = new[] { Item(6, "wire", 0.4, story: 20), Item(7, "ministry", 0.3, story: 20), Item(8, "other", 0.9, story: 21), Item(9, "wire", 0.4, story: 20) };

        var entry = Assert.Single(DigestSelection.Entries(items, Mates(mates), Source));

        Assert.Equal(["WIRE"], entry.AlsoReportedBy);
    }

    [Fact]
    public void EntryCarriesTheLeadsFieldsSplitIntoLists()
    {
        var entry = Assert.Single(DigestSelection.Entries([Item(3, "cao", 0.8, topics: "model strategy", countries: "JP EU")], NoMates, Source));

        Assert.Equal("title 3", entry.Title);
        Assert.Equal("summary 3", entry.Summary);
        Assert.Equal("JP", entry.SourceCountry);
        Assert.Equal("Regulation: “AI law”", entry.Why);
        Assert.Equal("https://cao.example/3", entry.Url);
        Assert.Equal(Fetched.AddHours(-3), entry.Published);
        Assert.Equal(["model", "strategy"], entry.Topics);
        Assert.Equal(["JP", "EU"], entry.Countries);
        Assert.Equal(["Sarashina", "PLaMo"], entry.Models);
        Assert.Equal(["topic:regulation \"AI law\"", "country:JP"], entry.Reasons);
        Assert.Equal(0.8, entry.Score);
    }

    [Fact]
    public void ChoosesTheBestStoriesAndKeepsAllTheirAnnouncements()
    {
        var candidates = new[]
        {
            Item(1, "a", 0.95, story: 1),
            Item(2, "b", 0.55, story: 1),
            Item(3, "c", 0.60),
            Item(4, "d", 0.90, story: 2),
            Item(5, "e", 0.80),
        };

        var chosen = Choose(candidates, maxStories: 2);

        Assert.Equal([1, 2, 4], chosen.Select(a => a.Id).Order());
    }

    [Fact]
    public void ChooseBreaksScoreTiesByNewestStory()
    {
        var older = Item(9, "a", 0.8);
        var newer = Item(1, "b", 0.8);

        var chosen = Choose([older, newer], maxStories: 1);

        Assert.Equal(1, Assert.Single(chosen).Id);
    }

    [Fact]
    public void ChooseKeepsEverythingWhenUnderTheLimit()
    {
        var candidates = new[] { Item(1, "a", 0.9), Item(2, "b", 0.8, story: 4), Item(3, "c", 0.7, story: 4) };

        Assert.Equal(3, Choose(candidates, maxStories: 100).Count);
    }

    [Fact]
    public void LeavesOutWhatTheSubscriberAlreadyHadAndWhatScoresBelowTheirMinimum()
    {
        var pool = new[] { Item(1, "a", 0.9, story: 7), Item(2, "b", 0.9, story: 8), Item(3, "c", 0.9), Item(4, "d", 0.6), Item(5, "e", 0.95, story: 8) };
        var history = new DeliveredHistory(new HashSet<long> { 3 }, new HashSet<long> { 8 });

        var chosen = DigestSelection.Choose(pool, Filter(minScore: 0.7), history, 100);

        Assert.Equal([1], chosen.Select(c => c.Id));
    }

    [Fact]
    public void InstantSubscribersGetOnlyHighRelevanceItems()
    {
        var instant = SubscriberFilter.For(new Subscriber { Email = "a@example.org", EmailKey = "a@example.org", TokenStamp = "s", Frequency = DigestFrequency.Instant }, 0.5, 0.8);

        Assert.Equal(0.8, instant.MinScore);
        Assert.False(instant.Matches(Item(1, "a", 0.79)));
        Assert.True(instant.Matches(Item(2, "a", 0.81)));
    }
}
