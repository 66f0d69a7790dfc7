using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Monitor.Worker.Archive;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Web.Pages.Archive;

/// <summary>A country's page (<c>/countries/{code}</c>): the models named in its announcements and the ones the taxonomy
/// tracks for it, its sources, then the timeline of its stories (with the archive's filters), paged.</summary>
[OutputCache(PolicyName = ArchiveFeedEndpoints.CachePolicy)]
public sealed class CountryModel(ArchiveQuery query, SourceCatalog catalog, IOptions<WebOptions> options) : PageModel
{
    /// <summary>Reports read for the models named (the newest ones).</summary>
    public const int ModelReports = 300;

    public string Code { get; private set; } = "";

    public ArchiveListing Listing { get; private set; } = null!;

    public IReadOnlyList<(string Model, int Mentions, DateTime Last)> NamedModels { get; private set; } = [];

    public IReadOnlyList<string> TrackedModels { get; private set; } = [];

    public IReadOnlyList<SourceDefinition> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        if (!ArchiveListing.IsCountry(upper))
        {
            return NotFound();
        }

        if (upper != code)
        {
            return RedirectPermanent($"/countries/{upper}{Request.QueryString}");
        }

        if (await ArchiveListing.LoadAsync(HttpContext, query, options.Value, upper, cancellationToken) is not { } listing)
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Code = upper;
        Listing = listing;
        NamedModels = await query.NamedModelsAsync(upper, ModelReports, cancellationToken);
        TrackedModels = catalog.Classifier.Taxonomy.Models.Where(m => m.Country == upper).Select(m => m.Name)
            .Where(m => !NamedModels.Any(n => n.Model == m)).ToList();
        Sources = catalog.Sources.Where(s => s.Enabled && s.Country == upper).OrderBy(s => s.Publisher).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        return Page();
    }
}
