using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web.Pages;

/// <summary>The double opt-in page. Following the link shows a button; the POST confirms, so a mail scanner that opens
/// links cannot confirm a subscription on its own.</summary>
public sealed class ConfirmModel(SubscriptionService subscriptions, SubscriberStore store, SubscriptionTokens tokens) : PageModel
{
    public enum PageState
    {
        Ask,
        Done,
        Invalid,
    }

    public PageState State { get; private set; } = PageState.Invalid;

    public string? Token { get; private set; }

    public string Email { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string PreferencesUrl { get; private set; } = "";

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Read(LinkPurpose.Confirm, token) is { } content && await store.GetAsync(content.SubscriberId, cancellationToken) is { } subscriber
            && subscriber.TokenStamp == content.Stamp)
        {
            Show(subscriber, subscriber.Status == SubscriberStatus.Active ? PageState.Done : PageState.Ask);
            Token = token;
        }

        Response.StatusCode = State == PageState.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await subscriptions.ConfirmAsync(token, cancellationToken);
        if (outcome == ConfirmOutcome.Invalid || subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Show(subscriber, PageState.Done);
    }

    private void Show(Subscriber subscriber, PageState state)
    {
        State = state;
        Email = subscriber.Email;
        Description = $"{SubscriptionDescription.Frequency(subscriber.Frequency)} digests on {SubscriptionDescription.Filters(SubscriberRules.PreferencesOf(subscriber))}";
        PreferencesUrl = $"/preferences?token={Uri.EscapeDataString(tokens.Create(LinkPurpose.Manage, subscriber.Id, subscriber.TokenStamp))}";
    }
}
