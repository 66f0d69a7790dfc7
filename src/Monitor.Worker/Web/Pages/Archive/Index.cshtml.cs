using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Monitor.Worker.Archive;

namespace Monitor.Worker.Web.Pages.Archive;

/// <summary>The public archive at <c>/</c>: recent relevant stories, filtered and paged, with the same listing as feeds.</summary>
[OutputCache(PolicyName = ArchiveFeedEndpoints.CachePolicy)]
public sealed class IndexModel(ArchiveQuery query, IOptions<WebOptions> options) : PageModel
{
    public ArchiveListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ArchiveListing.LoadAsync(HttpContext, query, options.Value, country: null, cancellationToken) is not { } listing)
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Listing = listing;
        return Page();
    }
}
