using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Turns a page's bytes into text: byte-order mark, then the HTTP charset, then a <c>&lt;meta&gt;</c> declaration
/// sniffed in the first bytes, then UTF-8 (falling back to windows-1252 when the bytes are not valid UTF-8).
/// </summary>
internal static partial class CharsetDecoder
{
    private const int SniffLength = 4096;

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/> with the best evidence of their charset.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var header = Resolve(httpCharset);
        var declared = Resolve(Sniff(bytes));
        var valid = System.Text.Unicode.Utf8.IsValid(bytes);

        // Servers often send a default single-byte charset for pages that are really UTF-8 (or declare UTF-8 over
        // legacy bytes): the bytes themselves are the stronger evidence when they contradict a header.
        if (header is not null)
        {
            if (header.CodePage == Encoding.UTF8.CodePage)
            {
                if (!valid && (declared is null || declared.CodePage == Encoding.UTF8.CodePage) && Documents.CharsetGuess.LegacyEncoding(bytes) is { } legacy)
                {
                    return legacy.GetString(bytes);
                }

                return valid || declared is null || declared.CodePage == Encoding.UTF8.CodePage ? Encoding.UTF8.GetString(bytes) : declared.GetString(bytes);
            }

            if (IsSingleByteWestern(header) && valid && HasMultiByte(bytes))
            {
                return Encoding.UTF8.GetString(bytes);
            }

            return header.GetString(bytes);
        }

        if (declared is not null)
        {
            if (declared.CodePage == Encoding.UTF8.CodePage)
            {
                // Like a browser: a page declared UTF-8 with a few stray legacy bytes is still UTF-8; one whose bytes
                // are mostly not UTF-8 is in the legacy charset they decode as.
                return !valid && Documents.CharsetGuess.LegacyEncoding(bytes) is { } legacy ? legacy.GetString(bytes) : Encoding.UTF8.GetString(bytes);
            }

            if (IsSingleByteWestern(declared) && valid && HasMultiByte(bytes))
            {
                return Encoding.UTF8.GetString(bytes);
            }

            return declared.GetString(bytes);
        }

        return valid ? Encoding.UTF8.GetString(bytes) : MostlyUtf8(bytes) ?? Documents.CharsetGuess.LegacyEncoding(bytes)?.GetString(bytes) ?? Windows1252.GetString(bytes);
    }

    /// <summary>Undeclared bytes that are UTF-8 but for a few stray bytes: UTF-8 with replacement characters.</summary>
    private static string? MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        int replaced = 0, nonAscii = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                replaced++;
            }
            else if (c > '\u007F')
            {
                nonAscii++;
            }
        }

        return replaced * 10 < nonAscii ? text : null;
    }

    /// <summary>Maps a charset label to an encoding the way browsers do (WHATWG aliases), or null when unknown.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "utf8" or "unicode-1-1-utf-8" or "unicode" or "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp1252" => "windows-1252",
            "gb2312" or "gb_2312-80" or "x-gbk" or "gb18030" or "chinese" => "gbk",
            "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" or "windows-31j" or "cp932" => "shift_jis",
            "euc-kr" or "ks_c_5601-1987" or "windows-949" or "cp949" or "korean" => "ks_c_5601-1987",
            "iso-8859-9" or "latin5" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            "big5-hkscs" => "big5",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Finds a charset declared by a meta tag or XML declaration near the start of the page.</summary>
    internal static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffLength)]);
        var match = MetaCharset().Match(head);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = XmlEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static bool IsSingleByteWestern(Encoding encoding)
        => encoding.CodePage is 1252 or 28591 or 20127 or 28605 or 1250 or 28592;

    private static bool HasMultiByte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
