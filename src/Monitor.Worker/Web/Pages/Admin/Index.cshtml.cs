using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Worker.Status;

namespace Monitor.Worker.Web.Pages.Admin;

/// <summary>
/// The status page for ops at <c>/admin</c> (read-only): sources with health and last outcome, recent announcements
/// with classification and reasons, subscribers by status, recent deliveries and failures, the configuration without
/// secrets. 404 when no admin token is configured; 401 with the sign-in form without the token or a session.
/// </summary>
public sealed class IndexModel(AdminAccess access, StatusQuery status) : PageModel
{
    public StatusReport? Report { get; private set; }

    [BindProperty]
    public string? Token { get; set; }

    public bool WrongToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.IsEnabled)
        {
            return NotFound();
        }

        if (!access.IsAllowed(HttpContext))
        {
            return SignInForm();
        }

        Report = await status.ReadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The sign-in form's post: the token once, then a session cookie.</summary>
    public IActionResult OnPostSignIn()
    {
        if (!access.IsEnabled)
        {
            return NotFound();
        }

        if (!access.IsToken(Token))
        {
            WrongToken = true;
            return SignInForm();
        }

        access.SignIn(HttpContext);
        return Redirect("/admin");
    }

    public IActionResult OnPostSignOut()
    {
        AdminAccess.SignOut(HttpContext);
        return Redirect("/admin");
    }

    private PageResult SignInForm()
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Monitor status page\"";
        Token = null;
        return Page();
    }
}
