using System.Net;
using Monitor.Worker.Classification;
using Monitor.Worker.Crawling;
using Monitor.Worker.Fetching;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Configuration;

/// <summary>Everything start-up and <c>sources check</c> validate: settings, sources, taxonomy and mail templates, every problem listed.</summary>
public static class ConfigurationCheck
{
    /// <summary>Loads and validates all configuration; the loaded parts are returned even when some problems exist. Without
    /// <paramref name="mailTemplates"/> the mail templates are not read: the <c>crawl</c> verb never sends mail, and skips
    /// them (building Fluid's parser is a fifth of its start-up), so a template being edited never stops a crawl either.</summary>
    public static ConfigurationCheckResult Run(IConfiguration configuration, ConfigPaths paths, bool mailTemplates = true)
    {
        var problems = new List<ConfigProblem>();
        problems.AddRange(SettingsValidator.Validate(configuration));
        var limits = ConfigurationLimits.From(configuration);

        var sources = SourcesFileLoader.Load(paths.SourcesFile, limits);
        problems.AddRange(sources.Problems);
        problems.AddRange(InternalAddresses(sources.Sources, configuration, paths));

        var (taxonomy, taxonomyProblems) = TaxonomyLoader.Load(paths.TaxonomyFile, loadStatisticalModel: true, limits);
        problems.AddRange(taxonomyProblems);

        if (mailTemplates)
        {
            problems.AddRange(Digest.MailTemplates.Load(paths.Directory).Problems);
        }

        return new ConfigurationCheckResult(sources.Sources, taxonomy, problems);
    }

    /// <summary>
    /// Sources whose URL names an internal address literally (any spelling: 2130706433, 0x7f000001, 127.1,
    /// [::ffff:127.0.0.1], 0.0.0.0) or localhost, outside <c>Monitor:Crawling:AllowedNetworks</c>: the crawler would
    /// refuse them, so they are configuration mistakes. Host names are not resolved here.
    /// </summary>
    public static IEnumerable<ConfigProblem> InternalAddresses(IReadOnlyList<SourceDefinition> sources, IConfiguration configuration, ConfigPaths paths)
    {
        var crawling = new CrawlingOptions();
        try
        {
            configuration.GetSection(CrawlingOptions.SectionName).Bind(crawling);
        }
        catch (InvalidOperationException)
        {
            // Settings validation reports the bad value; judge with the defaults meanwhile.
        }

        var guard = new AddressGuard(crawling.ParsedAllowedNetworks());
        var file = Path.GetFileName(paths.SourcesFile);
        foreach (var source in sources)
        {
            var host = source.Url.IdnHost.Trim('[', ']');
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal]
                : host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                    ? new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }
                    : [];
            if (addresses.Length > 0 && !addresses.Any(guard.IsAllowed))
            {
                yield return new ConfigProblem(file, source.Id, "url",
                    $"'{source.Url.Host}' is an internal address ({string.Join(", ", addresses.Select(a => a.ToString()))}) outside Monitor:Crawling:AllowedNetworks: the crawler would refuse it");
            }
        }
    }
}
