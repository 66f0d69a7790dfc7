using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;

namespace Monitor.Worker.Cli;

/// <summary>The <c>digest [--dry-run] [--to EMAIL] [--out DIR]</c> verb.</summary>
public static class DigestCommand
{
    /// <summary>Composes and sends (or, with <paramref name="dryRun"/>, prints and previews) the digests that are due.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, bool dryRun, string? to, string? previewDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var runner = host.Services.GetRequiredService<DigestRunner>();
        var report = await CliProgress.RunAsync(output, dryRun ? "digest (dry run)" : "digest", null, progress => runner.RunAsync(dryRun, to, cancellationToken,
            new Reporter<DigestRunResult>(r => progress.Step($"{r.Subscriber}: {r.Status}{(r.Message is null ? "" : $" ({r.Message})")}", keep: r.Status is "failed" or "given-up" or "bounced"))), unit: "subscribers");
        var directory = Path.GetFullPath(previewDirectory ?? Path.Combine("data", "preview"));
        foreach (var preview in report.Previews)
        {
            await output.WriteLineAsync($"To: {preview.To}");
            await output.WriteLineAsync($"Subject: {preview.Subject}");
            await output.WriteLineAsync();
            await output.WriteLineAsync(preview.TextBody);
            Directory.CreateDirectory(directory);
            var name = string.Concat(preview.To.Mailboxes.First().Address.Split(Path.GetInvalidFileNameChars())).Replace('@', '_');
            var file = Path.Combine(directory, $"digest-{name}.html");
            await File.WriteAllTextAsync(file, preview.HtmlBody, cancellationToken);
            await output.WriteLineAsync($"HTML preview: {file}");
            await output.WriteLineAsync();
        }

        var rows = report.Results.Select(r => new[] { r.Subscriber, r.Period, r.Status, r.Items.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Message ?? "" }).ToList();
        await output.WriteLineAsync(CrawlSummaryTable.Table(["subscriber", "period", "status", "items", "note"], rows));
        if (to is not null && report.Results.Count == 0)
        {
            await output.WriteLineAsync($"no subscriber {to}");
            return 1;
        }

        return report.Results.Any(r => r.Status is "failed" or "given-up" or "bounced") ? 1 : 0;
    }
}
