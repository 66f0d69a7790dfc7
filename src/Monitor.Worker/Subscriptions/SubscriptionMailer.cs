using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Worker.Digest;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// Sends confirmation and preferences-link mails in the background, so a page answers in the same time whether or not a
/// mail goes out (no timing difference between known and unknown addresses) and a slow SMTP server never holds a request.
/// The queue is bounded; when full, a request is dropped and logged (the person can ask again).
/// </summary>
public sealed class SubscriptionMailer(
    SubscriberStore subscribers,
    SubscriptionLinks links,
    MailTemplateProvider templates,
    DigestSender sender,
    IOptions<DigestOptions> digest,
    IOptions<SubscriptionOptions> options,
    ILogger<SubscriptionMailer> logger) : BackgroundService
{
    private readonly Channel<SubscriptionMail> _queue = Channel.CreateBounded<SubscriptionMail>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues <paramref name="mail"/>; false when the queue is full.</summary>
    public bool Enqueue(SubscriptionMail mail)
    {
        if (_queue.Writer.TryWrite(mail))
        {
            return true;
        }

        logger.LogWarning("Subscription mail queue is full; dropped a {Template} mail for subscriber {SubscriberId}", mail.Template, mail.SubscriberId);
        return false;
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
        await foreach (var mail in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var message = await ComposeAsync(mail, stoppingToken);
                if (message is null)
                {
                    continue;
                }

                var result = (await sender.SendAsync([message], stoppingToken))[0];
                if (result.Sent)
                {
                    logger.LogInformation("Sent {Template} mail to subscriber {SubscriberId}", mail.Template, mail.SubscriberId);
                }
                else
                {
                    logger.LogWarning("Could not send {Template} mail to subscriber {SubscriberId}: {Reason}", mail.Template, mail.SubscriberId, result.Error);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Subscription mail to subscriber {SubscriberId} failed", mail.SubscriberId);
            }
        }
    }
}
