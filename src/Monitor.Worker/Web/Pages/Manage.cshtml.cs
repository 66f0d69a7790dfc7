using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web.Pages;

/// <summary>Asks for a fresh preferences link by mail; the answer is the same whether or not the address is subscribed.</summary>
public sealed class ManageModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SubscriberRules.CheckEmail(Email) is not null)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address like name@example.org.");
            return Page();
        }

        await subscriptions.RequestLinkAsync(Email!, cancellationToken);
        return RedirectToPage("/CheckInbox");
    }
}
