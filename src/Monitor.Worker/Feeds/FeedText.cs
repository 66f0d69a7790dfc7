using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Feeds;

/// <summary>Text helpers shared by the readers: HTML to plain text, whitespace clean-up.</summary>
internal static partial class FeedText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly Encoding StrictWindows1252 =
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>True when <paramref name="text"/> looks like it holds HTML markup or entities.</summary>
    public static bool LooksLikeHtml(string text) => HtmlHint().IsMatch(text);

    /// <summary>Plain text from a value that may be HTML: tags removed, entities decoded, whitespace collapsed; null when empty.</summary>
    public static string? Plain(string? value, bool mayBeHtml = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value;
        if (mayBeHtml && LooksLikeHtml(text))
        {
            text = ScriptOrStyle().Replace(text, " ");
            text = BlockTag().Replace(text, " ");
            text = Tag().Replace(text, string.Empty);
            text = WebUtility.HtmlDecode(text);
        }

        var collapsed = Collapse(FixDoubleEncoding(text));
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>
    /// Repairs UTF-8 that was decoded as Windows-1252 and encoded again ("FÃ³rmula" for "Fórmula"), a common
    /// CMS export bug. Only applied when the tell-tale pairs appear and the whole text round-trips to valid UTF-8,
    /// so correct text is never touched.
    /// </summary>
    public static string FixDoubleEncoding(string text)
    {
        text = MapC1Controls(text);
        if (!DoubleEncoded().IsMatch(text))
        {
            return text;
        }

        try
        {
            return StrictUtf8.GetString(StrictWindows1252.GetBytes(text));
        }
        catch (ArgumentException)
        {
            // EncoderFallbackException and DecoderFallbackException: not double-encoded after all.
            return text;
        }
    }

    /// <summary>Trims and collapses runs of whitespace (other than no-break spaces) to single spaces.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            // A no-break space is kept: the author chose it, and it is what other readers show.
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                space = sb.Length > 0;
            }
            else
            {
                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A trimmed value, or null when it is empty.</summary>
    public static string? Trimmed(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// C1 control characters (U+0080–U+009F) never appear in real text: they are Windows-1252 bytes (curly quotes,
    /// dashes, euro) that a feed declared as Latin-1. Map them to the characters the author typed.
    /// </summary>
    private static string MapC1Controls(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        Span<byte> one = stackalloc byte[1];
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u009F')
            {
                one[0] = (byte)c;
                var mapped = Windows1252.GetString(one);
                sb.Append(mapped.Length == 1 && mapped[0] != c && mapped[0] != '\uFFFD' ? mapped[0] : c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex("[\u00C2\u00C3][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|\u00E2\u20AC[\u0080-\u00BF\u0152-\u2122]", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleEncoded();

    [GeneratedRegex(@"<[A-Za-z/!?]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlHint();

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|dd|dt|figcaption)\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<(!--.*?--|[A-Za-z/!?][^>]*)>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Tag();
}
