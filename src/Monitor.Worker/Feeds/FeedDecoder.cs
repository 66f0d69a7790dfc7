using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Feeds;

/// <summary>
/// Turns a feed's bytes into text: byte-order mark first, then the XML declaration, then UTF-8, then Windows-1252.
/// Forgiving when the declaration lies: bytes that are valid multi-byte UTF-8 are read as UTF-8 even when the
/// declaration names a single-byte charset, because that combination is almost never an accident of Latin text.
/// </summary>
internal static partial class FeedDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="data"/>; <paramref name="recovered"/> is set when the charset had to be guessed against the document.</summary>
    public static string Decode(ReadOnlySpan<byte> data, out bool recovered)
    {
        recovered = false;
        var bom = DetectBom(data, out var bomLength);
        if (bom is not null)
        {
            return bom.GetString(data[bomLength..]);
        }

        var wide = DetectWideWithoutBom(data);
        if (wide is not null)
        {
            return wide.GetString(data);
        }

        var declared = DeclaredEncoding(data);
        var encoding = declared is null ? null : Lookup(declared);
        if (encoding is null || encoding is UnicodeEncoding || encoding is UTF32Encoding || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // No usable declaration (or one naming UTF-16/32 for bytes that are not): UTF-8, else the legacy charset
            // the bytes are written in (a Shift_JIS feed declared UTF-8), else UTF-8 with stray bytes read as Windows-1252.
            if (TryStrictUtf8(data, out var text))
            {
                return text;
            }

            recovered = true;
            return Documents.CharsetGuess.LegacyEncoding(data) is { } legacy ? legacy.GetString(data) : DecodeMixed(data);
        }

        // A legacy charset declared over bytes that are valid UTF-8 with multi-byte characters: the bytes win.
        if (HasMultiByteUtf8(data) && TryStrictUtf8(data, out var utf8Text))
        {
            recovered = true;
            return utf8Text;
        }

        return encoding.GetString(data);
    }

    /// <summary>Finds the charset named by an XML declaration near the start of an ASCII-compatible document.</summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> data)
    {
        var head = Encoding.Latin1.GetString(data[..Math.Min(data.Length, 2048)]);
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Resolves a charset name, including the code pages .NET does not ship by default (KOI8-R, Big5, GB2312...).</summary>
    internal static Encoding? Lookup(string name)
    {
        var normalized = name.Trim().ToLowerInvariant();
        if (normalized is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "iso_8859-1")
        {
            // Browsers read Latin-1 and ASCII labels as Windows-1252; feeds rely on it for curly quotes.
            return Windows1252();
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(normalized) ?? Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding Windows1252() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static Encoding? DetectBom(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            length = 3;
            return Encoding.UTF8;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            length = 4;
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            length = 4;
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        return null;
    }

    private static Encoding? DetectWideWithoutBom(ReadOnlySpan<byte> data)
    {
        // "<" encoded on four or two bytes: 00 00 00 3C / 3C 00 00 00 (UTF-32), 00 3C 00 3F / 3C 00 3F 00 (UTF-16).
        if (data.Length < 4)
        {
            return null;
        }

        if (data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0)
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        }

        if (data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0)
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        }

        if (data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0)
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        if (data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        return null;
    }

    /// <summary>
    /// UTF-8 where the bytes form valid sequences, Windows-1252 for the bytes that do not: a Latin-1 feed reads as
    /// Latin-1, and a UTF-8 feed with a few pasted Windows-1252 characters keeps all its UTF-8 text.
    /// </summary>
    private static string DecodeMixed(ReadOnlySpan<byte> data)
    {
        var windows1252 = Windows1252();
        var sb = new StringBuilder(data.Length);
        Span<char> one = stackalloc char[2];
        var i = 0;
        while (i < data.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(data[i..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(one[..rune.EncodeToUtf16(one)]);
                i += consumed;
            }
            else
            {
                sb.Append(windows1252.GetString(data.Slice(i, 1)));
                i++;
            }
        }

        return sb.ToString();
    }

    private static bool TryStrictUtf8(ReadOnlySpan<byte> data, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(data);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (b >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("""<\?xml[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:\-]+)\s*["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();
}
