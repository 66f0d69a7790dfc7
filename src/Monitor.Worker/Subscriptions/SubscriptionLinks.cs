using Microsoft.Extensions.Options;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>The absolute links a mail carries, built from <see cref="SubscriptionOptions.PublicBaseUrl"/>.</summary>
public sealed class SubscriptionLinks(SubscriptionTokens tokens, IOptions<SubscriptionOptions> options, IOptions<DigestOptions> digest)
{
    /// <summary>The public base address, ending with a slash.</summary>
    public Uri BaseUri { get; } = new(options.Value.PublicBaseUrl.TrimEnd('/') + "/");

    /// <summary>The subscribe page.</summary>
    public string Subscribe => Page("subscribe", null);

    /// <summary>The double opt-in link.</summary>
    public string Confirm(Subscriber subscriber) => Page("confirm", tokens.Create(LinkPurpose.Confirm, subscriber.Id, subscriber.TokenStamp));

    /// <summary>The preferences page, the unsubscribe page and the RFC 8058 one-click address, sharing one token.</summary>
    public ManageLinks Manage(Subscriber subscriber)
    {
        var token = tokens.Create(LinkPurpose.Manage, subscriber.Id, subscriber.TokenStamp);
        return new ManageLinks(Page("preferences", token), Page("unsubscribe", token), Page("unsubscribe/one-click", token), Mailto(subscriber, token));
    }

    /// <summary>The <c>List-Id</c> value, e.g. <c>Monitor digest &lt;digest.monitor.example.org&gt;</c>.</summary>
    public string ListId => $"{digest.Value.FromName} digest <{ListIdentifier}>";

    /// <summary>The domain used for Message-IDs and the list id.</summary>
    public string Host => BaseUri.HostNameType == UriHostNameType.Dns && BaseUri.IdnHost.Contains('.', StringComparison.Ordinal) ? BaseUri.IdnHost : "monitor.localhost";

    private string ListIdentifier => string.IsNullOrWhiteSpace(options.Value.ListId) ? $"digest.{Host}" : options.Value.ListId.Trim();

    private string Page(string path, string? token) =>
        new Uri(BaseUri, token is null ? path : $"{path}?token={Uri.EscapeDataString(token)}").AbsoluteUri;

    private string Mailto(Subscriber subscriber, string token)
    {
        var mailbox = string.IsNullOrWhiteSpace(options.Value.UnsubscribeMailbox) ? digest.Value.From : options.Value.UnsubscribeMailbox.Trim();
        _ = subscriber;
        return $"mailto:{mailbox}?subject={Uri.EscapeDataString("unsubscribe " + token)}";
    }
}
