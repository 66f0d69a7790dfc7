using System.Collections.Frozen;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Guesses the publisher's time zone from the country-code domain, else the page language, so that a timestamp
/// given in UTC (23:30Z) is dated the way the publisher's readers saw it (the next morning in Berlin).
/// </summary>
internal static class PublisherTimeZone
{
    private static readonly FrozenDictionary<string, string> ByCountry = new Dictionary<string, string>
    {
        ["de"] = "Europe/Berlin", ["at"] = "Europe/Vienna", ["ch"] = "Europe/Zurich", ["fr"] = "Europe/Paris",
        ["it"] = "Europe/Rome", ["es"] = "Europe/Madrid", ["nl"] = "Europe/Amsterdam", ["be"] = "Europe/Brussels",
        ["lu"] = "Europe/Luxembourg", ["pl"] = "Europe/Warsaw", ["cz"] = "Europe/Prague", ["sk"] = "Europe/Bratislava",
        ["dk"] = "Europe/Copenhagen", ["se"] = "Europe/Stockholm", ["no"] = "Europe/Oslo", ["hu"] = "Europe/Budapest",
        ["si"] = "Europe/Ljubljana", ["hr"] = "Europe/Zagreb", ["rs"] = "Europe/Belgrade", ["uk"] = "Europe/London",
        ["ie"] = "Europe/Dublin", ["pt"] = "Europe/Lisbon", ["fi"] = "Europe/Helsinki", ["ee"] = "Europe/Tallinn",
        ["lv"] = "Europe/Riga", ["lt"] = "Europe/Vilnius", ["gr"] = "Europe/Athens", ["ro"] = "Europe/Bucharest",
        ["bg"] = "Europe/Sofia", ["ua"] = "Europe/Kyiv", ["ru"] = "Europe/Moscow", ["tr"] = "Europe/Istanbul",
        ["il"] = "Asia/Jerusalem", ["ae"] = "Asia/Dubai", ["sa"] = "Asia/Riyadh", ["eg"] = "Africa/Cairo",
        ["tn"] = "Africa/Tunis", ["ma"] = "Africa/Casablanca", ["in"] = "Asia/Kolkata", ["cn"] = "Asia/Shanghai",
        ["tw"] = "Asia/Taipei", ["hk"] = "Asia/Hong_Kong", ["sg"] = "Asia/Singapore", ["jp"] = "Asia/Tokyo",
        ["kr"] = "Asia/Seoul", ["th"] = "Asia/Bangkok", ["vn"] = "Asia/Ho_Chi_Minh", ["id"] = "Asia/Jakarta",
        ["au"] = "Australia/Sydney", ["nz"] = "Pacific/Auckland", ["br"] = "America/Sao_Paulo",
        ["ar"] = "America/Argentina/Buenos_Aires", ["uy"] = "America/Montevideo", ["cl"] = "America/Santiago",
        ["bo"] = "America/La_Paz", ["pe"] = "America/Lima", ["co"] = "America/Bogota", ["ec"] = "America/Guayaquil",
        ["ve"] = "America/Caracas", ["mx"] = "America/Mexico_City", ["ca"] = "America/Toronto",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> ByLanguage = new Dictionary<string, string>
    {
        ["de"] = "Europe/Berlin", ["fr"] = "Europe/Paris", ["it"] = "Europe/Rome", ["nl"] = "Europe/Amsterdam",
        ["pl"] = "Europe/Warsaw", ["cs"] = "Europe/Prague", ["da"] = "Europe/Copenhagen", ["sv"] = "Europe/Stockholm",
        ["fi"] = "Europe/Helsinki", ["hu"] = "Europe/Budapest", ["el"] = "Europe/Athens", ["ro"] = "Europe/Bucharest",
        ["ja"] = "Asia/Tokyo", ["ko"] = "Asia/Seoul", ["zh"] = "Asia/Shanghai", ["tr"] = "Europe/Istanbul",
        ["uk"] = "Europe/Kyiv", ["he"] = "Asia/Jerusalem",
    }.ToFrozenDictionary();

    /// <summary>The likely time zone of the publisher, or null when the domain and language say nothing.</summary>
    public static TimeZoneInfo? Guess(Uri? url, string? language)
    {
        string? id = null;
        if (url is not null)
        {
            var host = url.Host;
            var dot = host.LastIndexOf('.');
            var tld = dot >= 0 ? host[(dot + 1)..] : host;
            ByCountry.TryGetValue(tld, out id);
        }

        if (id is null && language is not null)
        {
            ByLanguage.TryGetValue(language, out id);
        }

        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}
