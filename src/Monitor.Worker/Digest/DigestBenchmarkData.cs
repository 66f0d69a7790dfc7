using System.Globalization;
using Monitor.Worker.Classification;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Digest;

/// <summary>Deterministic data for <c>bench digest</c>: announcements spread over topics, countries, languages, scores and
/// stories, and subscribers with varied filters and schedules (all due now).</summary>
internal static class DigestBenchmarkData
{
    public static readonly string[] Countries = ["JP", "KR", "FR", "DE", "US", "GB", "IN", "CN", "BR", "EU", "INT", "AE"];

    private static readonly string[] Languages = ["en", "en", "en", "ja", "ko", "fr", "de", "zh", "pt", "ar"];

    private static readonly string[] Zones = ["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York", "Asia/Seoul", "Europe/Berlin", "Asia/Kolkata"];

    private static readonly string[] Phrases = ["sovereign AI", "foundation model", "enforcement decree", "AI Act", "national AI strategy", "GPU cluster", "AI safety institute", "large language model"];

    /// <summary>The sources of the benchmark's <c>sources.yaml</c>.</summary>
    public static string SourcesYaml() =>
        "sources:\n" + string.Concat(Countries.Select((c, i) =>
            $"  - id: src-{c.ToLowerInvariant()}\n    name: Ministry wire {c}\n    url: https://news{i}.example.org/feed.xml\n    country: {c}\n    language: en\n"));

    public static async Task SeedAsync(MonitorDbContextFactory contexts, int subscribers, int announcements, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(20261206);
        await using (var db = contexts.CreateDbContext())
        {
            for (var i = 0; i < announcements; i++)
            {
                var country = Countries[random.Next(Countries.Length)];
                var topics = Topics.All.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
                var phrase = Phrases[random.Next(Phrases.Length)];
                var title = $"Announcement {i}: {country} government sets out {phrase} plans for {topics[0]}";
                var text = string.Join(" ", Enumerable.Range(0, 12).Select(s => $"Sentence {s} of announcement {i} explains the {phrase} programme in detail, with budgets and dates."));
                var announcement = new Announcement
                {
                    UrlHash = AnnouncementHash($"https://news.example.org/{i}"),
                    CanonicalUrl = $"https://news.example.org/{country.ToLowerInvariant()}/{i}",
                    SourceId = $"src-{country.ToLowerInvariant()}",
                    ItemKeyHash = AnnouncementHash($"key-{i}"),
                    Title = title,
                    PublishedAt = now.AddHours(-random.Next(1, 240)),
                    FetchedAt = now.AddHours(-random.Next(1, 200)),
                    Language = Languages[random.Next(Languages.Length)],
                    Text = text,
                    Summary = text[..200],
                    Topics = string.Join(' ', topics),
                    Countries = country,
                    Models = random.Next(5) == 0 ? "HyperCLOVA X|Sarashina" : "",
                    Relevant = true,
                    Score = Math.Round(0.5 + random.NextDouble() * 0.5, 3),
                    Reasons = string.Join('|', new[] { $"context \"{phrase}\"", $"topic:{topics[0]} \"{phrase}\"", $"country:{country} \"{country} government\"", "learned:relevant \"with\" +0.20" }),
                };
                if (i % 5 == 1)
                {
                    // Every fifth item is another outlet's report of the previous one.
                    announcement.Story = db.ChangeTracker.Entries<Announcement>().Last().Entity.Story;
                }
                else
                {
                    announcement.Story = new Story { Title = title, CreatedAt = announcement.FetchedAt };
                }

                db.Announcements.Add(announcement);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        for (var start = 0; start < subscribers; start += 2000)
        {
            await using var db = contexts.CreateDbContext();
            for (var i = start; i < Math.Min(subscribers, start + 2000); i++)
            {
                var frequency = (i % 10) switch { 0 => DigestFrequency.Weekly, 1 => DigestFrequency.Instant, _ => DigestFrequency.Daily };
                var subscriber = new Subscriber
                {
                    Email = string.Create(CultureInfo.InvariantCulture, $"reader{i}@bench.example.org"),
                    EmailKey = string.Create(CultureInfo.InvariantCulture, $"reader{i}@bench.example.org"),
                    Name = i % 3 == 0 ? $"Reader Nº{i}" : null,
                    Status = SubscriberStatus.Active,
                    Origin = SubscriberOrigin.Import,
                    TokenStamp = SubscriberRules.NewStamp(),
                    CreatedAt = now,
                    UpdatedAt = now,
                    ConfirmedAt = now,
                };
                SubscriberRules.Apply(subscriber, new SubscriberPreferences(
                    Topics.All.OrderBy(_ => random.Next()).Take(random.Next(4)).ToList(),
                    Countries.OrderBy(_ => random.Next()).Take(random.Next(2) == 0 ? 0 : 1 + random.Next(4)).ToList(),
                    random.Next(4) == 0 ? ["en"] : [],
                    frequency, 0, Zones[random.Next(Zones.Length)], random.Next(3) == 0 ? 0.6 : null));
                db.Subscribers.Add(subscriber);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string AnnouncementHash(string value) => Crawling.AnnouncementBuilder.Hash(value);
}
