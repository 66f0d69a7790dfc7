using System.Text.RegularExpressions;

namespace Monitor.Worker.Coverage;

/// <summary>
/// The evidence level a source's <c>notes</c> start with, in the legend of shared/DOMAIN.md section 0: <c>V</c> a public
/// repository reports fetching it (HTTP 200, a real feed) on a stated date, <c>C</c> only configured in public feed lists,
/// <c>P</c> a stored copy of the page was seen, <c>L</c> an HTML listing page, <c>W</c> a known access problem;
/// combined with <c>/</c> (<c>V/W</c>, <c>C/L</c>). Pure.
/// </summary>
public static partial class EvidenceLevel
{
    /// <summary>The level at the start of <paramref name="notes"/> (e.g. <c>V/L</c>), or an empty string when there is none.</summary>
    public static string Of(string? notes) => notes is not null && Level().Match(notes) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex(@"^\s*([VCPLW](?:/[VCPLW])*)(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex Level();
}
