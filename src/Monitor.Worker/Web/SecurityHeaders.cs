namespace Monitor.Worker.Web;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows only this site's stylesheet and forms
/// (no scripts at all, no framing), no MIME sniffing, no Referer (links carry tokens; readers leaving for a source
/// reveal nothing), and no caching unless a page says otherwise (the archive pages and feeds do).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy: nothing but same-origin styles, images and form posts; never in a frame.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the middleware (first, so error pages, rate-limit answers and cached responses carry the headers).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/assets"))
        {
            headers.CacheControl = "no-store";
        }

        await next(context);
    });
}
