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
/// row for a while (<see cref="ClaimFor"/>), sends it and deletes it, so a replica that stops (SIGKILL included) before
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
    TimeProvider time,
    ILogger<SubscriptionMailer> logger) : BackgroundService
{
    /// <summary>How long a claimed mail is held by the replica sending it before another may take it.</summary>
    internal static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Queues <paramref name="template"/> for <paramref name="subscriberId"/> in the database and wakes this
    /// replica's mailer.</summary>
    public async Task QueueAsync(long subscriberId, string template, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.SubscriptionMailQueue.Add(new QueuedSubscriptionMail { SubscriberId = subscriberId, Template = template, QueuedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        Wake();
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
        var poll = TimeSpan.FromSeconds(options.Value.MailRetrySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } mail)
                {
                    await SendAsync(mail, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Could not read the subscription mail queue; tried again in {Seconds} s", poll.TotalSeconds);
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

    // Takes the oldest free mail: a conditional update, so of two replicas only one gets a row. Mails older than a
    // confirmation link's lifetime are dropped first.
    private async Task<QueuedSubscriptionMail?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var expired = now - TimeSpan.FromHours(options.Value.ConfirmationHours);
        var dropped = await db.SubscriptionMailQueue.Where(m => m.QueuedAt < expired).ExecuteDeleteAsync(cancellationToken);
        if (dropped > 0)
        {
            logger.LogWarning("Dropped {Count} subscription mails that could not be sent within {Hours} hours", dropped, options.Value.ConfirmationHours);
        }

        var free = await db.SubscriptionMailQueue.AsNoTracking()
            .Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .OrderBy(m => m.Id).Take(10).ToListAsync(cancellationToken);
        var until = now + ClaimFor;
        foreach (var mail in free)
        {
            var claimed = await db.SubscriptionMailQueue
                .Where(m => m.Id == mail.Id && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            if (claimed == 1)
            {
                return mail;
            }
        }

        return null;
    }

    private async Task SendAsync(QueuedSubscriptionMail queued, CancellationToken cancellationToken)
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
            await db.SubscriptionMailQueue.Where(m => m.Id == queued.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var retryAt = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(options.Value.MailRetrySeconds);
            await db.SubscriptionMailQueue.Where(m => m.Id == queued.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, retryAt), CancellationToken.None);
        }
    }
}
