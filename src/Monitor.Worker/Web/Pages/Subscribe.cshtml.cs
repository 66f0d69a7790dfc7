using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web.Pages;

/// <summary>The subscribe form. Every valid post gets the same answer (a redirect to "check your inbox"), whether the
/// address is new, pending, active or unsubscribed.</summary>
public sealed class SubscribeModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (SubscriberRules.CheckEmail(Email) is not null)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address like name@example.org.");
        }

        var (preferences, problems) = Input.Validate(minScore: null);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!ModelState.IsValid || preferences is null)
        {
            return Page();
        }

        await subscriptions.SubscribeAsync(Email!, preferences, cancellationToken);
        return RedirectToPage("/CheckInbox");
    }
}
