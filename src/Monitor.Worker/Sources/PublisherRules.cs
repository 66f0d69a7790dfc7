namespace Monitor.Worker.Sources;

/// <summary>
/// The default <see cref="SourcePublisher"/> of a source without a <c>publisher</c> field, from its host: government and
/// multilateral domains are official, everything else is news. Pure.
/// </summary>
public static class PublisherRules
{
    // Second-level labels that governments use under a country code: www.mext.go.jp, www.msit.go.kr, www.gov.uk,
    // www.gob.mx, www.gouv.fr (economie.gouv.fr), canada.gc.ca, www.govt.nz, www.gv.at, www.gov.cn, www.mil.* ...
    private static readonly HashSet<string> GovernmentLabels =
        new(["gov", "go", "gob", "gouv", "govt", "gc", "gv", "mil", "government", "admin", "bund", "regeringen", "gouvernement"], StringComparer.OrdinalIgnoreCase);

    // Top-level domains reserved for governments and treaty organisations.
    private static readonly HashSet<string> GovernmentTlds = new(["gov", "mil", "int"], StringComparer.OrdinalIgnoreCase);

    // Registrable domains of institutions that publish officially under a generic top-level domain.
    private static readonly HashSet<string> OfficialDomains = new(
        [
            "europa.eu", "un.org", "oecd.org", "oecd.ai", "unesco.org", "coe.int", "itu.int", "who.int", "g7italy.it",
            "gpai.ai", "worldbank.org", "imf.org", "nato.int", "bund.de", "admin.ch", "bundesregierung.de",
            "regjeringen.no", "government.se", "riksdagen.se", "gov.sg", "gov.il", "go.id", "gov.in", "nic.in",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The default publisher for <paramref name="url"/>.</summary>
    public static SourcePublisher Default(Uri url)
    {
        var labels = url.Host.TrimEnd('.').Split('.');
        if (labels.Length == 0)
        {
            return SourcePublisher.News;
        }

        if (GovernmentTlds.Contains(labels[^1]))
        {
            return SourcePublisher.Official;
        }

        for (var i = 0; i < labels.Length - 1; i++)
        {
            if (OfficialDomains.Contains(string.Join('.', labels[i..])))
            {
                return SourcePublisher.Official;
            }
        }

        // A government label right before a two-letter country code: go.jp, gov.uk, gouv.fr, gob.mx, gc.ca.
        if (labels.Length >= 3 && labels[^1].Length == 2 && GovernmentLabels.Contains(labels[^2]))
        {
            return SourcePublisher.Official;
        }

        return SourcePublisher.News;
    }
}
