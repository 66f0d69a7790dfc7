using Microsoft.Extensions.Options;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// What the pages do: sign up (double opt-in), confirm, change preferences, unsubscribe, ask for a new link. Every
/// request about an address gets the same answer whether or not the address is known; mails go out in the background and
/// at most once per <see cref="SubscriptionOptions.LinkResendMinutes"/> per address. Preferences change only with a valid
/// link token: knowing an address is never enough.
/// </summary>
public sealed class SubscriptionService
{
    private readonly SubscriberStore _store;
    private readonly SubscriptionTokens _tokens;
    private readonly SubscriptionMailer _mailer;
    private readonly IOptions<SubscriptionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SubscriptionService> _logger;
    private readonly RequestCounter _requests;

    public SubscriptionService(SubscriberStore store, SubscriptionTokens tokens, SubscriptionMailer mailer, IOptions<SubscriptionOptions> options,
        TimeProvider time, RequestCounter requests, ILogger<SubscriptionService> logger)
    {
        _store = store;
        _tokens = tokens;
        _mailer = mailer;
        _options = options;
        _time = time;
        _logger = logger;
        _requests = requests;
    }

    /// <summary>Signs <paramref name="email"/> up (pending until confirmed) or, for an active subscriber, mails them their
    /// preferences link. The caller answers the same way in every case.</summary>
    public async Task SubscribeAsync(string email, SubscriberPreferences preferences, CancellationToken cancellationToken)
    {
        var key = SubscriberRules.Key(email);
        if (!await TryTakeAsync(key, cancellationToken))
        {
            return;
        }

        var subscriber = await _store.FindAsync(key, cancellationToken);
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Email = email.Trim(),
                EmailKey = key,
                Status = SubscriberStatus.Pending,
                Origin = SubscriberOrigin.Web,
                TokenStamp = SubscriberRules.NewStamp(),
            };
            SubscriberRules.Apply(subscriber, preferences);
            if (!await _store.SaveAsync(subscriber, cancellationToken))
            {
                // The same address was signed up by a parallel request: that request sends the mail.
                return;
            }

            await QueueIfDueAsync(subscriber, "confirm", cancellationToken);
            return;
        }

        if (subscriber.Status == SubscriberStatus.Active)
        {
            // Someone asked to subscribe an address that already gets digests: its owner gets a link to their
            // preferences, and nothing changes without it.
            await QueueIfDueAsync(subscriber, "manage", cancellationToken);

            return;
        }

        // Pending, unsubscribed or bouncing: the latest request describes what the confirmation will confirm.
        SubscriberRules.Apply(subscriber, preferences);
        subscriber.Status = SubscriberStatus.Pending;
        subscriber.ManagedByConfiguration = false;
        await _store.SaveAsync(subscriber, cancellationToken);
        await QueueIfDueAsync(subscriber, "confirm", cancellationToken);
    }

    /// <summary>Mails a fresh preferences link to an active subscriber (or the confirmation again to a pending one); nothing otherwise.</summary>
    public async Task RequestLinkAsync(string email, CancellationToken cancellationToken)
    {
        var key = SubscriberRules.Key(email);
        if (!await TryTakeAsync(key, cancellationToken) || await _store.FindAsync(key, cancellationToken) is not { } subscriber)
        {
            return;
        }

        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Pending)
        {
            await QueueIfDueAsync(subscriber, subscriber.Status == SubscriberStatus.Active ? "manage" : "confirm", cancellationToken);
        }
    }

    /// <summary>Confirms the subscription of a confirmation token.</summary>
    public async Task<(ConfirmOutcome Outcome, Subscriber? Subscriber)> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await ReadAsync(LinkPurpose.Confirm, token, cancellationToken);
        if (subscriber is null)
        {
            return (ConfirmOutcome.Invalid, null);
        }

        if (subscriber.Status == SubscriberStatus.Active)
        {
            return (ConfirmOutcome.AlreadyActive, subscriber);
        }

        subscriber.Status = SubscriberStatus.Active;
        subscriber.ConfirmedAt = Now;
        subscriber.UnsubscribedAt = null;
        subscriber.ConsecutiveBounces = 0;
        await _store.SaveAsync(subscriber, cancellationToken);
        _logger.LogInformation("Subscriber {SubscriberId} confirmed", subscriber.Id);
        return (ConfirmOutcome.Confirmed, subscriber);
    }

    /// <summary>The subscriber of a preferences/unsubscribe token, or null when the token is not valid.</summary>
    public Task<Subscriber?> ReadManageAsync(string? token, CancellationToken cancellationToken) => ReadAsync(LinkPurpose.Manage, token, cancellationToken);

    /// <summary>Saves new preferences; the person's choice wins over configuration from now on. Null when the token is not valid.</summary>
    public async Task<Subscriber?> UpdatePreferencesAsync(string? token, SubscriberPreferences preferences, CancellationToken cancellationToken)
    {
        var subscriber = await ReadManageAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return null;
        }

        SubscriberRules.Apply(subscriber, preferences);
        subscriber.ManagedByConfiguration = false;
        await _store.SaveAsync(subscriber, cancellationToken);
        _logger.LogInformation("Subscriber {SubscriberId} changed preferences", subscriber.Id);
        return subscriber;
    }

    /// <summary>Unsubscribes the subscriber of a manage token (idempotent). False when the token is not valid.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await ReadManageAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return false;
        }

        if (await _store.UnsubscribeAsync(subscriber.Id, cancellationToken))
        {
            _logger.LogInformation("Subscriber {SubscriberId} unsubscribed", subscriber.Id);
        }

        return true;
    }

    private async Task<Subscriber?> ReadAsync(LinkPurpose purpose, string? token, CancellationToken cancellationToken)
    {
        if (_tokens.Read(purpose, token) is not { } content)
        {
            return null;
        }

        var subscriber = await _store.GetAsync(content.SubscriberId, cancellationToken);
        return subscriber is not null && string.Equals(subscriber.TokenStamp, content.Stamp, StringComparison.Ordinal) ? subscriber : null;
    }

    // Counts a request about one address (RequestsPerAddressPerHour), in the database so every replica shares the count.
    private async Task<bool> TryTakeAsync(string key, CancellationToken cancellationToken)
    {
        var quota = await _requests.TakeAsync("address", key, _options.Value.RequestsPerAddressPerHour, cancellationToken);
        if (!quota.Allowed)
        {
            _logger.LogInformation("Too many requests for one address in an hour; request ignored");
        }

        return quota.Allowed;
    }

    // At most one link mail per LinkResendMinutes per address, decided in the database (every replica shares it).
    private Task QueueIfDueAsync(Subscriber subscriber, string template, CancellationToken cancellationToken) =>
        _mailer.QueueIfDueAsync(subscriber.Id, template, TimeSpan.FromMinutes(_options.Value.LinkResendMinutes), cancellationToken);

    private DateTime Now => _time.GetUtcNow().UtcDateTime;
}
