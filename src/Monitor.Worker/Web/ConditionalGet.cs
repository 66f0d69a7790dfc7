using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Monitor.Worker.Archive;

namespace Monitor.Worker.Web;

/// <summary>
/// Conditional GET for the archive: an ETag computed from what a page shows (its stories, their reports and when each
/// was fetched, the format and this build) and Last-Modified from the newest fetch; a request that already has them gets
/// 304 without a body. Also sets the public caching headers.
/// </summary>
public static class ConditionalGet
{
    private static readonly string Build = typeof(ConditionalGet).Assembly.ManifestModule.ModuleVersionId.ToString("n");

    /// <summary>The ETag of <paramref name="stories"/> shown as <paramref name="format"/> for <paramref name="request"/>'s path and query.</summary>
    public static string ETag(string format, HttpRequest request, IEnumerable<ArchiveStory> stories, ArchiveCursor? next)
    {
        var text = new StringBuilder().Append(Build).Append('|').Append(format).Append('|').Append(request.Path).Append(request.QueryString).Append('|').Append(next);
        foreach (var story in stories)
        {
            text.Append('|').Append(story.StoryId).Append(':').Append(story.Placed.Id);
            foreach (var report in story.Reports)
            {
                text.Append(',').Append(report.Id).Append('@').Append(report.FetchedAt.Ticks.ToString(CultureInfo.InvariantCulture))
                    .Append('/').Append(report.Score.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>Sets ETag, Last-Modified and Cache-Control; true when the request's validators match (answer 304).</summary>
    public static bool IsNotModified(HttpContext context, string etag, DateTime? lastModified, int cacheSeconds)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        if (lastModified is { } modified)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)));
        }

        response.Headers.CacheControl = cacheSeconds > 0 ? $"public, max-age={cacheSeconds}" : "no-cache";
        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); weak comparison.
            var value = EntityTagHeaderValue.Parse(etag);
            return tags.Any(t => t.Tag == "*" || t.Compare(value, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified is { } last
            && TruncateToSeconds(last) <= since.UtcDateTime;
    }

    private static DateTime TruncateToSeconds(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
