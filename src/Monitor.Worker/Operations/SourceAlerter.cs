using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Worker.Digest;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Operations;

/// <summary>
/// Finds sources that crossed <see cref="AlertOptions.AfterFailures"/> and sources with an open alert that succeeded
/// again, claims each through the <see cref="SourceAlert"/> row (insert to alert, delete to recover: only one replica
/// wins either), and sends one mail listing the failing ones and one listing the recovered ones. A mail that cannot be
/// sent gives its claims back, so the next check tries again.
/// </summary>
public sealed class SourceAlerter(
    MonitorDbContextFactory contexts,
    DigestSender sender,
    SourceCatalog catalog,
    IOptions<AlertOptions> options,
    IOptions<DigestOptions> digestOptions,
    TimeProvider time,
    ILogger<SourceAlerter> logger)
{
    /// <summary>One check; returns the sources reported as failing and as recovered by this call.</summary>
    public async Task<(IReadOnlyList<string> Failing, IReadOnlyList<string> Recovered)> CheckAsync(CancellationToken cancellationToken)
    {
        var threshold = options.Value.AfterFailures;
        await using var db = contexts.CreateDbContext();
        var crossing = await db.SourceStates.AsNoTracking()
            .Where(s => s.ConsecutiveFailures >= threshold && !db.SourceAlerts.Any(a => a.SourceId == s.SourceId))
            .OrderBy(s => s.SourceId).ToListAsync(cancellationToken);
        var healed = await db.SourceAlerts.AsNoTracking()
            .Where(a => db.SourceStates.Any(s => s.SourceId == a.SourceId && s.ConsecutiveFailures == 0))
            .OrderBy(a => a.SourceId).ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var failing = new List<SourceState>();
        foreach (var state in crossing)
        {
            if (await TryInsertAsync(new SourceAlert { SourceId = state.SourceId, AlertedAt = now, Failures = state.ConsecutiveFailures }, cancellationToken))
            {
                failing.Add(state);
            }
        }

        var recovered = new List<SourceAlert>();
        foreach (var alert in healed)
        {
            if (await db.SourceAlerts.Where(a => a.SourceId == alert.SourceId).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                recovered.Add(alert);
            }
        }

        if (failing.Count > 0 && !await SendAsync(FailingMessage(failing), cancellationToken))
        {
            await db.SourceAlerts.Where(a => failing.Select(f => f.SourceId).Contains(a.SourceId)).ExecuteDeleteAsync(cancellationToken);
            failing.Clear();
        }

        if (recovered.Count > 0 && !await SendAsync(RecoveredMessage(recovered), cancellationToken))
        {
            foreach (var alert in recovered)
            {
                await TryInsertAsync(alert, cancellationToken);
            }

            recovered.Clear();
        }

        return (failing.Select(f => f.SourceId).ToList(), recovered.Select(r => r.SourceId).ToList());
    }

    private async Task<bool> TryInsertAsync(SourceAlert alert, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.SourceAlerts.Add(new SourceAlert { SourceId = alert.SourceId, AlertedAt = alert.AlertedAt, Failures = alert.Failures });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another replica claimed it first (any other error is not a claim: the check fails and runs again).
            return false;
        }
    }

    private async Task<bool> SendAsync(MimeMessage? message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return true;
        }

        var result = (await sender.SendAsync([message], cancellationToken))[0];
        if (!result.Sent)
        {
            logger.LogWarning("Alert mail '{Subject}' not sent, retried at the next check: {Reason}", message.Subject, result.Error);
        }

        return result.Sent;
    }

    private MimeMessage? FailingMessage(IReadOnlyList<SourceState> states)
    {
        foreach (var state in states)
        {
            logger.LogWarning("Source {SourceId} has failed {Failures} times in a row: {Reason}", state.SourceId, state.ConsecutiveFailures, state.LastError);
        }

        var lines = states.Select(s => $"""
            {Name(s.SourceId)}
              {catalog.Find(s.SourceId)?.Url}
              failed {s.ConsecutiveFailures} times in a row; last error: {s.LastError}
              last success: {When(s.LastSuccessAt)}; next attempt: {When(s.NextAttemptAt)}
            """);
        var subject = states.Count == 1 ? $"{Name(states[0].SourceId)} keeps failing" : $"{states.Count} sources keep failing";
        return Compose(subject, $"""
            {(states.Count == 1 ? "This source has" : "These sources have")} failed {options.Value.AfterFailures} or more times in a row. The other sources are not affected.
            You will get one more mail when {(states.Count == 1 ? "it works" : "each works")} again.

            {string.Join("\n\n", lines)}

            Try a source now with: sources test ID (stores nothing), or crawl --source ID.
            """);
    }

    private MimeMessage? RecoveredMessage(IReadOnlyList<SourceAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            logger.LogInformation("Source {SourceId} works again", alert.SourceId);
        }

        var subject = alerts.Count == 1 ? $"{Name(alerts[0].SourceId)} works again" : $"{alerts.Count} sources work again";
        return Compose(subject, $"""
            {(alerts.Count == 1 ? "This source" : "These sources")} failed and {(alerts.Count == 1 ? "has" : "have")} now been crawled successfully:

            {string.Join("\n", alerts.Select(a => $"{Name(a.SourceId)} (reported failing {When(a.AlertedAt)})"))}
            """);
    }

    private MimeMessage? Compose(string subject, string body)
    {
        if (options.Value.Recipients.Count == 0)
        {
            return null;
        }

        var digest = digestOptions.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(DigestComposer.HeaderText(digest.FromName, 100), digest.From));
        foreach (var recipient in options.Value.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = DigestComposer.HeaderText($"{digest.FromName} alert: {subject}", 200);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private string Name(string sourceId) => catalog.Find(sourceId) is { Name: { } name } && name != sourceId ? $"{name} ({sourceId})" : sourceId;

    private static string When(DateTime? at) => at is { } value ? $"{value:yyyy-MM-dd HH:mm} UTC" : "never";
}
