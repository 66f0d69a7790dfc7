using System.Globalization;
using System.Net;
using System.Text;

namespace Monitor.Worker.Feeds;

/// <summary>
/// Repairs the breakage real feeds ship with, so <see cref="System.Xml.XmlReader"/> can read them: HTML entities
/// XML does not declare (<c>&amp;nbsp;</c>), bare ampersands, stray <c>&lt;</c> in text, control characters.
/// CDATA sections and comments are copied untouched.
/// </summary>
internal static partial class XmlRepair
{
    /// <summary>Most characters that declared entities may add in one document ("quadratic blow-up": one long
    /// entity referenced many times).</summary>
    public const int MaxExpansion = 1_000_000;

    /// <exception cref="FeedParseException">Declared entities would expand past <see cref="MaxExpansion"/> characters.</exception>
    public static string Repair(string text)
    {
        var entities = InternalEntities(text);
        var expanded = 0;
        var sb = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                i = CopyMarkup(text, i, sb);
            }
            else if (c == '&')
            {
                i = RepairAmpersand(text, i, sb, entities, ref expanded);
            }
            else
            {
                if (c >= ' ' || c is '\t' or '\n' or '\r')
                {
                    sb.Append(c);
                }

                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Plain-text entities declared in an internal DTD subset (<c>&lt;!ENTITY id "tag:example.com,"&gt;</c>), which
    /// authors expect to be expanded. Only literal values without references are taken, so nothing external is ever
    /// loaded and nothing can expand recursively ("billion laughs").
    /// </summary>
    private static Dictionary<string, string>? InternalEntities(string text)
    {
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype < 0 || doctype > 4096)
        {
            return null;
        }

        Dictionary<string, string>? entities = null;
        foreach (System.Text.RegularExpressions.Match m in EntityDeclaration().Matches(text[doctype..Math.Min(text.Length, doctype + 16384)]))
        {
            var value = m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Value;
            if (value.Length <= 1024 && !value.Contains('&', StringComparison.Ordinal) && !value.Contains('%', StringComparison.Ordinal) && !value.Contains('<', StringComparison.Ordinal))
            {
                entities ??= new Dictionary<string, string>(StringComparer.Ordinal);
                entities[m.Groups["name"].Value] = value;
            }
        }

        return entities;
    }

    private static int CopyMarkup(string text, int i, StringBuilder sb)
    {
        if (string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0)
        {
            return CopyUntil(text, i, "]]>", sb);
        }

        if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
        {
            return CopyUntil(text, i, "-->", sb);
        }

        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        if (!(char.IsLetter(next) || next is '_' or '/' or '!' or '?'))
        {
            // "a < b" in text: a reader shows the character, so escape it.
            sb.Append("&lt;");
            return i + 1;
        }

        // Copy the tag, repairing ampersands in attribute values on the way.
        var end = text.IndexOf('>', i);
        if (end < 0)
        {
            sb.Append(text, i, text.Length - i);
            return text.Length;
        }

        var j = i;
        while (j <= end)
        {
            if (text[j] == '&')
            {
                var none = 0;
                j = RepairAmpersand(text, j, sb, null, ref none);
            }
            else
            {
                sb.Append(text[j]);
                j++;
            }
        }

        return end + 1;
    }

    private static int CopyUntil(string text, int i, string terminator, StringBuilder sb)
    {
        var end = text.IndexOf(terminator, i + 4, StringComparison.Ordinal);
        if (end < 0)
        {
            sb.Append(text, i, text.Length - i).Append(terminator);
            return text.Length;
        }

        end += terminator.Length;
        sb.Append(text, i, end - i);
        return end;
    }

    private static int RepairAmpersand(string text, int i, StringBuilder sb, Dictionary<string, string>? entities, ref int expanded)
    {
        var semi = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
        if (semi > i + 1)
        {
            var name = text.AsSpan(i + 1, semi - i - 1);
            if (name[0] == '#')
            {
                if (IsValidCharReference(name[1..]))
                {
                    sb.Append(text, i, semi - i + 1);
                }

                return semi + 1;
            }

            if (IsName(name))
            {
                if (entities is not null && entities.TryGetValue(name.ToString(), out var declared))
                {
                    expanded += declared.Length;
                    if (expanded > MaxExpansion)
                    {
                        throw new FeedParseException($"feed: declared entities expand to more than {MaxExpansion:N0} characters (entity expansion attack)");
                    }

                    sb.Append(System.Security.SecurityElement.Escape(declared));
                    return semi + 1;
                }

                if (name is "amp" or "lt" or "gt" or "quot" or "apos")
                {
                    sb.Append(text, i, semi - i + 1);
                    return semi + 1;
                }

                var decoded = WebUtility.HtmlDecode(text.Substring(i, semi - i + 1));
                if (decoded.Length > 0 && decoded[0] != '&')
                {
                    foreach (var rune in decoded.EnumerateRunes())
                    {
                        sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
                    }

                    return semi + 1;
                }
            }
        }

        sb.Append("&amp;");
        return i + 1;
    }

    private static bool IsValidCharReference(ReadOnlySpan<char> body)
    {
        var hex = body.Length > 0 && (body[0] == 'x' || body[0] == 'X');
        var digits = hex ? body[1..] : body;
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        return code is 0x9 or 0xA or 0xD || (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""<!ENTITY\s+(?<name>[A-Za-z_][\w.\-]*)\s+(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)')\s*>""")]
    private static partial System.Text.RegularExpressions.Regex EntityDeclaration();
}
