using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Monitor.Worker.Web;

/// <summary>
/// Who may see <c>/admin</c>: a request with <c>Authorization: Bearer TOKEN</c> (scripts), or a browser that gave the
/// token once on the sign-in form and holds the session cookie (Data Protection, 12 hours, bound to the token so a
/// new token ends every session). Tokens are compared in constant time; with no token configured nobody may.
/// </summary>
public sealed class AdminAccess(IOptions<WebOptions> options, IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "monitor.admin";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Monitor.Admin.Session").ToTimeLimitedDataProtector();

    /// <summary>False when no token is configured: the status page does not exist.</summary>
    public bool IsEnabled => !string.IsNullOrEmpty(options.Value.AdminToken);

    /// <summary>True when <paramref name="token"/> is the configured token.</summary>
    public bool IsToken(string? token) =>
        IsEnabled && token is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AdminToken!)));

    /// <summary>True when the request carries the token or a valid session.</summary>
    public bool IsAllowed(HttpContext context)
    {
        if (!IsEnabled)
        {
            return false;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IsToken(authorization["Bearer ".Length..].Trim());
        }

        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return false;
        }

        try
        {
            var payload = _protector.Unprotect(cookie, out var expires);
            return expires > time.GetUtcNow() && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(payload), Encoding.UTF8.GetBytes(Binding()));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Starts a browser session (after the token was given on the form).</summary>
    public void SignIn(HttpContext context)
    {
        var value = _protector.Protect(Binding(), time.GetUtcNow() + SessionLifetime);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/admin",
            MaxAge = SessionLifetime,
        });
    }

    /// <summary>Ends the browser session.</summary>
    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/admin" });

    // A hash of the token: a session outlives neither the token nor a change of it.
    private string Binding() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("session:" + options.Value.AdminToken)));
}
