using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Subscriptions;

/// <summary>The languages offered on the subscribe page (the languages of the sources and the taxonomy), and the
/// shape of a language tag accepted anywhere else.</summary>
public static partial class LanguageChoices
{
    /// <summary>Offered on the pages, in this order.</summary>
    public static readonly IReadOnlyList<string> Offered = ["en", "fr", "de", "es", "pt", "it", "nl", "ja", "zh", "ko", "ar", "hi", "ru", "pl", "tr", "id", "vi", "th"];

    /// <summary>True for a BCP 47 primary tag with an optional region or script (<c>en</c>, <c>pt-BR</c>, <c>zh-Hant</c>).</summary>
    public static bool IsWellFormed(string tag) => Tag().IsMatch(tag);

    /// <summary>The English name of a language tag (the tag itself when unknown).</summary>
    public static string Name(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? tag : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex Tag();
}
