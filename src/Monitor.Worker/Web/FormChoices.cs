using Monitor.Worker.Classification;
using Monitor.Worker.Digest;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web;

/// <summary>The choices the forms offer: topics, countries, languages and IANA time zones.</summary>
public static class FormChoices
{
    /// <summary>Topic ids with their names.</summary>
    public static IReadOnlyList<(string Id, string Name)> Topics { get; } = Classification.Topics.All.Select(t => (t, TopicNames.Of(t))).ToList();

    /// <summary>Country codes with their names, by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries => CountryNames.All;

    /// <summary>Language tags with their English names.</summary>
    public static IReadOnlyList<(string Tag, string Name)> Languages { get; } = LanguageChoices.Offered.Select(l => (l, LanguageChoices.Name(l))).ToList();

    /// <summary>IANA time zone ids known to this machine (UTC first).</summary>
    public static IReadOnlyList<string> TimeZones { get; } = ["UTC", .. TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];
}
