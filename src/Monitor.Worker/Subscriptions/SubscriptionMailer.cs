using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// Sends confirmation and preferences-link mails in the background, so a page answers in the same time whether or not a
/// mail goes out (no timing difference between known and unknown addresses) and a slow SMTP server never holds a request.
/// The queue is a table (<see cref="QueuedSubscriptionMail"/>), written with the request: any replica's mailer claims a
/// row for a while (<see cref="ClaimFor"/>, by its own clock: replicas' clocks must agree to well within it), sends it
/// and deletes it, so a replica that stops (SIGKILL included) before
/// sending loses nothing: another sends it once the claim runs out. A mail that fails is tried again after
/// <see cref="SubscriptionOptions.MailRetrySeconds"/>, and dropped when the server refuses the address for good or once its
/// confirmation link would have expired. A
/// replica killed between sending and deleting sends it again (at least once, like the digests).
/// </summary>
public sealed class SubscriptionMailer(
    MonitorDbContextFactory contexts,
    SubscriberStore subscribers,
    SubscriptionLinks links,
    MailTemplateProvider templates,
    DigestSender sender,
    IOptions<DigestOptions> digest,
    IOptions<SubscriptionOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider time,
    ILogger<SubscriptionMailer> logger) : BackgroundService
{
    /// <summary>How long a claimed mail is held by the replica sending it before another may take it: two minutes, or
    /// longer than a send can take (each SMTP step may wait <c>Smtp:TimeoutSeconds</c>).</summary>
    internal TimeSpan ClaimFor => TimeSpan.FromSeconds(Math.Max(120, 8 * smtp.Value.TimeoutSeconds));

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>
    /// Queues <paramref name="template"/> for <paramref name="subscriberId"/> if no link was sent to them in the last
    /// <paramref name="resendAfter"/>, and records the send, in one transaction: the subscriber's <c>LinkSentAt</c> is set by
    /// a conditional update (only that column and <c>UpdatedAt</c>), so of two replicas answering two requests for one
    /// address at once only one queues a mail, and a crash leaves either both or neither. False when a link went out recently.
    /// </summary>
    public async Task<bool> QueueIfDueAsync(long subscriberId, string template, TimeSpan resendAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = now - resendAfter;
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.Subscribers.Where(s => s.Id == subscriberId && (s.LinkSentAt == null || s.LinkSentAt <= due))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LinkSentAt, now).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (marked == 0)
        {
            return false;
        }

        db.SubscriptionMailQueue.Add(new QueuedSubscriptionMail { SubscriberId = subscriberId, Template = template, QueuedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Wake();
        return true;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the loop reads every free row when it runs.
        }
    }

    /// <summary>Composes the mail for <paramref name="mail"/> now (null when the subscriber is gone).</summary>
    public async Task<MimeMessage?> ComposeAsync(SubscriptionMail mail, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.GetAsync(mail.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return null;
        }

        var manage = links.Manage(subscriber);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = new Dictionary<string, object?> { ["name"] = digest.Value.FromName },
            ["subscription"] = new Dictionary<string, object?>
            {
                ["email"] = subscriber.Email,
                ["frequency"] = SubscriptionDescription.Frequency(subscriber.Frequency),
                ["filters"] = SubscriptionDescription.Filters(SubscriberRules.PreferencesOf(subscriber)),
                ["link_hours"] = options.Value.ConfirmationHours,
            },
            ["links"] = new Dictionary<string, object?>
            {
                ["confirm"] = mail.Template == "confirm" ? links.Confirm(subscriber) : "",
                ["preferences"] = manage.Preferences,
                ["unsubscribe"] = manage.Unsubscribe,
            },
        };
        var (html, text) = templates.Current.Render(mail.Template, model);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(DigestComposer.HeaderText(digest.Value.FromName, 100), digest.Value.From));
        message.To.Add(new MailboxAddress(DigestComposer.HeaderText(subscriber.Name ?? "", 100), subscriber.Email));
        message.Subject = mail.Template == "confirm"
            ? $"Confirm your {DigestComposer.HeaderText(digest.Value.FromName, 60)} subscription"
            : $"Your {DigestComposer.HeaderText(digest.Value.FromName, 60)} subscription";
        message.MessageId = $"{mail.Template}.{subscriber.Id}.{Guid.NewGuid().ToString("n")[..12]}@{links.Host}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: on SQLite the database calls below complete synchronously.
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(options.Value.MailRetrySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } claim)
                {
                    await SendAsync(claim.Mail, claim.Until, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever failed (the database, most likely), the mailer goes on: the rows wait in the queue.
                logger.LogWarning(ex, "Could not work through the subscription mail queue; tried again in {Seconds} s", poll.TotalSeconds);
            }

            try
            {
                // Woken by this replica's requests; the poll finds mails other replicas queued and left.
                await _wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Takes the oldest free mail: a conditional update, so of two replicas only one gets a row. A free mail older than a
    // confirmation link's lifetime is dropped instead. An empty queue costs one read and no write (on SQLite a write
    // would wait for the crawl's write lock).
    private async Task<(QueuedSubscriptionMail Mail, DateTime Until)?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var free = await db.SubscriptionMailQueue.AsNoTracking()
            .Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .OrderBy(m => m.Id).Take(10).ToListAsync(cancellationToken);
        var expired = now - TimeSpan.FromHours(options.Value.ConfirmationHours);
        var until = now + ClaimFor;
        foreach (var mail in free)
        {
            var row = db.SubscriptionMailQueue.Where(m => m.Id == mail.Id && (m.ClaimedUntil == null || m.ClaimedUntil < now));
            if (mail.QueuedAt < expired)
            {
                if (await row.ExecuteDeleteAsync(cancellationToken) == 1)
                {
                    logger.LogWarning("Dropped a {Template} mail to subscriber {SubscriberId} that could not be sent within {Hours} hours",
                        mail.Template, mail.SubscriberId, options.Value.ConfirmationHours);
                }

                continue;
            }

            if (await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken) == 1)
            {
                return (mail, until);
            }
        }

        return null;
    }

    // Sends a claimed mail; then deletes it, or sets its retry time, only while this replica's claim (until) still holds it.
    private async Task SendAsync(QueuedSubscriptionMail queued, DateTime until, CancellationToken cancellationToken)
    {
        var mail = new SubscriptionMail(queued.SubscriberId, queued.Template);
        var sent = false; // sent, or nothing left to try: the row goes
        try
        {
            var message = await ComposeAsync(mail, cancellationToken);
            if (message is null)
            {
                sent = true; // the subscriber is gone: nothing to send
            }
            else
            {
                var result = (await sender.SendAsync([message], cancellationToken))[0];
                sent = result.Sent;
                if (sent)
                {
                    logger.LogInformation("Sent {Template} mail to subscriber {SubscriberId}", mail.Template, mail.SubscriberId);
                }
                else if (result.Permanent)
                {
                    // The server refused the address for good: trying again would be refused again.
                    sent = true;
                    logger.LogWarning("The mail server refused the {Template} mail to subscriber {SubscriberId} for good: {Reason}", mail.Template, mail.SubscriberId, result.Error);
                }
                else
                {
                    logger.LogWarning("Could not send {Template} mail to subscriber {SubscriberId}: {Reason}; tried again in {Seconds} s",
                        mail.Template, mail.SubscriberId, result.Error, options.Value.MailRetrySeconds);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Subscription mail to subscriber {SubscriberId} failed; tried again in {Seconds} s", mail.SubscriberId, options.Value.MailRetrySeconds);
        }

        await using var db = contexts.CreateDbContext();
        if (sent)
        {
            await db.SubscriptionMailQueue.Where(m => m.Id == queued.Id && m.ClaimedUntil == until).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var retryAt = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(options.Value.MailRetrySeconds);
            await db.SubscriptionMailQueue.Where(m => m.Id == queued.Id && m.ClaimedUntil == until)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, retryAt), CancellationToken.None);
        }
    }
}
