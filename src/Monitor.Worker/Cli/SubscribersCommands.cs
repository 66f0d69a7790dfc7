using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Cli;

/// <summary>The <c>subscribers add | remove | list | import | export</c> verbs.</summary>
public static class SubscribersCommands
{
    /// <summary>Adds (or updates) one subscriber. Without <c>--confirmed</c> the address gets the confirmation mail and stays pending.</summary>
    public static async Task<int> AddAsync(ConfigPaths paths, string email, CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        if (SubscriberRules.CheckEmail(email) is { } problem)
        {
            await output.WriteLineAsync($"error: {problem}");
            return 1;
        }

        var preferences = Preferences(cli, out var problems);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await output.WriteLineAsync($"error: {p}");
            }

            return 1;
        }

        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var confirmed = cli.Has("confirmed");
        var subscriber = await store.FindAsync(email, cancellationToken);
        var isNew = subscriber is null;
        subscriber ??= new Subscriber
        {
            Email = email.Trim(),
            EmailKey = SubscriberRules.Key(email),
            Status = SubscriberStatus.Pending,
            Origin = SubscriberOrigin.Cli,
            TokenStamp = SubscriberRules.NewStamp(),
        };
        SubscriberRules.Apply(subscriber, preferences);
        subscriber.Name = cli.Get("name") ?? subscriber.Name;
        subscriber.ManagedByConfiguration = false;
        if (confirmed && subscriber.Status != SubscriberStatus.Active)
        {
            subscriber.Status = SubscriberStatus.Active;
            subscriber.ConfirmedAt = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            subscriber.UnsubscribedAt = null;
            subscriber.ConsecutiveBounces = 0;
        }

        await store.SaveAsync(subscriber, cancellationToken);
        if (subscriber.Status == SubscriberStatus.Pending)
        {
            var mailer = host.Services.GetRequiredService<SubscriptionMailer>();
            var message = await mailer.ComposeAsync(new SubscriptionMail(subscriber.Id, "confirm"), cancellationToken);
            var sent = await host.Services.GetRequiredService<DigestSender>().SendAsync([message!], cancellationToken);
            await output.WriteLineAsync(sent[0].Sent
                ? $"{(isNew ? "added" : "updated")} {subscriber.Email} (pending): confirmation mail sent"
                : $"{(isNew ? "added" : "updated")} {subscriber.Email} (pending): the confirmation mail could not be sent: {sent[0].Error}");
            return sent[0].Sent ? 0 : 1;
        }

        await output.WriteLineAsync($"{(isNew ? "added" : "updated")} {subscriber.Email} ({subscriber.Status.ToString().ToLowerInvariant()}): {SubscriptionDescription.Filters(preferences)}, {SubscriptionDescription.Frequency(preferences.Frequency)}");
        return 0;
    }

    /// <summary>Deletes a subscriber and their delivery history.</summary>
    public static async Task<int> RemoveAsync(ConfigPaths paths, string email, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var existing = await store.FindAsync(email, cancellationToken);
        if (existing is null || !await store.DeleteAsync(email, cancellationToken))
        {
            await output.WriteLineAsync($"no subscriber {email}");
            return 1;
        }

        await output.WriteLineAsync(existing.ManagedByConfiguration
            ? $"removed {existing.Email} and their delivery history; the address is in Monitor:Digest:Subscribers and comes back at the next start unless removed there"
            : $"removed {existing.Email} and their delivery history");
        return 0;
    }

    /// <summary>Prints every subscriber (or those with <c>--status</c>) as a table, with totals.</summary>
    public static async Task<int> ListAsync(ConfigPaths paths, string? status, TextWriter output, CancellationToken cancellationToken)
    {
        SubscriberStatus? only = null;
        if (status is not null)
        {
            if (!Enum.TryParse<SubscriberStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                throw new CliUsageException("--status takes active, pending, unsubscribed or bouncing");
            }

            only = parsed;
        }

        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var rows = new List<string[]>();
        await foreach (var s in store.AllAsync(cancellationToken))
        {
            if (only is not null && s.Status != only)
            {
                continue;
            }

            rows.Add([s.Email, s.Status.ToString().ToLowerInvariant(), s.Frequency.ToString().ToLowerInvariant(), Or(s.Topics), Or(s.Countries), Or(s.Languages),
                $"{s.SendHour:00}:00 {s.TimeZone}", s.Origin.ToString().ToLowerInvariant() + (s.ManagedByConfiguration ? "*" : ""),
                s.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ConfirmedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""]);
        }

        await output.WriteLineAsync(CrawlSummaryTable.Table(["email", "status", "frequency", "topics", "countries", "languages", "sends", "origin", "created", "confirmed"], rows));
        var counts = await store.CountByStatusAsync(cancellationToken);
        await output.WriteLineAsync(string.Join(", ", Enum.GetValues<SubscriberStatus>().Select(v => $"{counts.GetValueOrDefault(v)} {v.ToString().ToLowerInvariant()}"))
            + " (* follows Monitor:Digest:Subscribers)");
        return 0;
    }

    /// <summary>Imports a CSV file: good rows are added or updated (in batches), bad rows are listed with their line numbers.</summary>
    public static async Task<int> ImportAsync(ConfigPaths paths, string file, TextWriter output, CancellationToken cancellationToken)
    {
        if (new FileInfo(file) is { Exists: true, Length: > 200 * 1024 * 1024 })
        {
            await output.WriteLineAsync($"error: {file} is larger than 200 MB");
            return 1;
        }

        List<SubscriberCsv.Row> rows;
        List<string> problems;
        using (var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true))
        {
            (rows, problems) = SubscriberCsv.Read(reader);
        }

        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var contexts = host.Services.GetRequiredService<MonitorDbContextFactory>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;
        await CliProgress.RunAsync(output, "import", rows.Count, async progress =>
        {
            foreach (var chunk in rows.Chunk(500))
            {
                var (a, u) = await SaveChunkAsync(contexts, chunk, now, cancellationToken);
                added += a;
                updated += u;
                progress.Step($"{a} added, {u} updated", count: chunk.Length);
            }

            return added + updated;
        }, unit: "rows");

        foreach (var problem in problems)
        {
            await output.WriteLineAsync($"{Path.GetFileName(file)}: {problem}");
        }

        var bad = problems.Count(p => !p.StartsWith("line 1: unknown column", StringComparison.Ordinal));
        await output.WriteLineAsync($"imported {rows.Count} row(s): {added} added, {updated} updated; {bad} row(s) with problems skipped");
        return bad > 0 ? 1 : 0;
    }

    /// <summary>Adds or updates one chunk of imported rows: one query and one save.</summary>
    private static async Task<(int Added, int Updated)> SaveChunkAsync(MonitorDbContextFactory contexts, SubscriberCsv.Row[] chunk, DateTime now, CancellationToken cancellationToken)
    {
        int added = 0, updated = 0;
        // One query and one save per 500 rows.
        await using var db = contexts.CreateDbContext();
        var keys = chunk.Select(r => SubscriberRules.Key(r.Email)).ToList();
        var existing = await db.Subscribers.Where(s => keys.Contains(s.EmailKey)).ToDictionaryAsync(s => s.EmailKey, cancellationToken);
        foreach (var row in chunk)
        {
            if (!existing.TryGetValue(SubscriberRules.Key(row.Email), out var subscriber))
            {
                subscriber = new Subscriber
                {
                    Email = row.Email,
                    EmailKey = SubscriberRules.Key(row.Email),
                    Origin = SubscriberOrigin.Import,
                    TokenStamp = SubscriberRules.NewStamp(),
                    CreatedAt = now,
                };
                db.Subscribers.Add(subscriber);
                added++;
            }
            else
            {
                updated++;
            }

            SubscriberRules.Apply(subscriber, row.Preferences);
            subscriber.Name = row.Name ?? subscriber.Name;
            subscriber.ManagedByConfiguration = false;
            subscriber.UpdatedAt = now;
            if (subscriber.Status != row.Status)
            {
                subscriber.Status = row.Status;
                subscriber.ConfirmedAt = row.Status == SubscriberStatus.Active ? subscriber.ConfirmedAt ?? now : subscriber.ConfirmedAt;
                subscriber.UnsubscribedAt = row.Status == SubscriberStatus.Unsubscribed ? now : null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (added, updated);
    }

    /// <summary>Writes every subscriber as CSV to <paramref name="file"/> (or standard output).</summary>
    public static async Task<int> ExportAsync(ConfigPaths paths, string? file, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var store = host.Services.GetRequiredService<SubscriberStore>();
        if (file is null)
        {
            await SubscriberCsv.WriteAsync(output, store.AllAsync(cancellationToken), cancellationToken);
            return 0;
        }

        var temporary = file + ".tmp";
        await using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            await SubscriberCsv.WriteAsync(writer, store.AllAsync(cancellationToken), cancellationToken);
        }

        File.Move(temporary, file, overwrite: true);
        await output.WriteLineAsync($"wrote {file}");
        return 0;
    }

    private static SubscriberPreferences Preferences(CliArguments cli, out List<string> problems)
    {
        problems = [];
        var frequency = DigestFrequency.Daily;
        if (cli.Get("frequency") is { } f && !SubscriberRules.TryParseFrequency(f, out frequency))
        {
            problems.Add($"--frequency '{f}' is not daily, weekly or instant");
        }

        var sendHour = 7;
        if (cli.Get("send-hour") is { } h && !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out sendHour))
        {
            problems.Add($"--send-hour '{h}' is not a whole hour 0-23");
        }

        double? minScore = null;
        if (cli.Get("min-score") is { } m)
        {
            if (double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                minScore = score;
            }
            else
            {
                problems.Add($"--min-score '{m}' is not a number");
            }
        }

        var preferences = new SubscriberPreferences(SubscriberRules.SplitList(cli.Get("topics")), SubscriberRules.SplitList(cli.Get("countries"), upper: true),
            SubscriberRules.SplitList(cli.Get("languages")), frequency, sendHour, cli.Get("time-zone") ?? "UTC", minScore);
        problems.AddRange(SubscriberRules.Check(preferences).Select(p => p.Message));
        return preferences;
    }

    private static string Or(string value) => value.Length == 0 ? "all" : value;
}
