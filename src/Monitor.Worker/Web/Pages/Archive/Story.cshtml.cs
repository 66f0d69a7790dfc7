using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Monitor.Worker.Archive;

namespace Monitor.Worker.Web.Pages.Archive;

/// <summary>A story's page (<c>/stories/{id}</c>, or <c>/reports/{id}</c> for a report in no story): every report, its
/// source, classification and why it matched.</summary>
[OutputCache(PolicyName = ArchiveFeedEndpoints.CachePolicy)]
public sealed class StoryModel(ArchiveQuery query, IOptions<WebOptions> options) : PageModel
{
    public ArchiveStory Story { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long? id, long? report, CancellationToken cancellationToken)
    {
        var story = id is { } storyId ? await query.StoryAsync(storyId, cancellationToken)
            : report is { } reportId ? await query.ReportAsync(reportId, cancellationToken)
            : null;
        if (story is null || !story.Reports.Any(r => r.Relevant))
        {
            return NotFound();
        }

        if (story.StoryId is { } actual && id is null)
        {
            return RedirectPermanent($"/stories/{actual}");
        }

        var etag = ConditionalGet.ETag("html", Request, [story], null);
        if (ConditionalGet.IsNotModified(HttpContext, etag, story.UpdatedAt, options.Value.ArchiveCacheSeconds))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Story = story;
        return Page();
    }
}
