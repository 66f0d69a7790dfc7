using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web.Pages;

/// <summary>The preferences page, opened from a digest by its signed link.</summary>
public sealed class PreferencesModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public bool Valid { get; private set; }

    public bool Saved { get; private set; }

    public string? Token { get; private set; }

    public string Email { get; private set; } = "";

    public string StatusText { get; private set; } = "";

    public string UnsubscribeUrl { get; private set; } = "";

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (await subscriptions.ReadManageAsync(token, cancellationToken) is { } subscriber)
        {
            Show(subscriber, token!);
            Input = PreferencesInput.From(subscriber);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.ReadManageAsync(token, cancellationToken);
        if (subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        ModelState.Clear();
        var (preferences, problems) = Input.Validate(subscriber.MinScore);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (preferences is not null)
        {
            subscriber = await subscriptions.UpdatePreferencesAsync(token, preferences, cancellationToken) ?? subscriber;
            Saved = true;
        }

        Show(subscriber, token!);
        return Page();
    }

    private void Show(Subscriber subscriber, string token)
    {
        Valid = true;
        Token = token;
        Email = subscriber.Email;
        StatusText = subscriber.Status switch
        {
            SubscriberStatus.Active => $"getting {SubscriptionDescription.Frequency(subscriber.Frequency)} digests",
            SubscriberStatus.Pending => "not confirmed yet: follow the link in the confirmation message",
            SubscriberStatus.Bouncing => "paused: your mail server refused our messages",
            _ => "unsubscribed: you get no digests",
        };
        UnsubscribeUrl = $"/unsubscribe?token={Uri.EscapeDataString(token)}";
    }
}
