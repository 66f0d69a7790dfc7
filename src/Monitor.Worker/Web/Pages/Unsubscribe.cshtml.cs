using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web.Pages;

/// <summary>The unsubscribe page: the link shows a button, the POST unsubscribes (mail clients use the one-click address instead).</summary>
public sealed class UnsubscribeModel(SubscriptionService subscriptions) : PageModel
{
    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public string? Token { get; private set; }

    public string Email { get; private set; } = "";

    public string PreferencesUrl { get; private set; } = "";

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken) => await ShowAsync(token, cancellationToken);

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (await ShowAsync(token, cancellationToken))
        {
            Done = await subscriptions.UnsubscribeAsync(token, cancellationToken);
        }
    }

    private async Task<bool> ShowAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.ReadManageAsync(token, cancellationToken);
        if (subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        Valid = true;
        Token = token;
        Email = subscriber.Email;
        PreferencesUrl = $"/preferences?token={Uri.EscapeDataString(token!)}";
        return true;
    }
}
