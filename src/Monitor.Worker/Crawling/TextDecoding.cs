using System.Text;

namespace Monitor.Worker.Crawling;

/// <summary>Decodes HTML bytes: BOM, then the HTTP charset, then a meta charset in the first bytes, then UTF-8.</summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/> with the best-known charset.</summary>
    public static string Decode(byte[] bytes, string? httpCharset)
    {
        Encoding? encoding = null;
        var preamble = 0;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = Encoding.UTF8;
            preamble = 3;
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = Encoding.Unicode;
            preamble = 2;
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = Encoding.BigEndianUnicode;
            preamble = 2;
        }

        encoding ??= Lookup(httpCharset) ?? Lookup(SniffMetaCharset(bytes)) ?? Encoding.UTF8;
        return encoding.GetString(bytes, preamble, bytes.Length - preamble);
    }

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? SniffMetaCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var index = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var start = index + "charset=".Length;
        var end = start;
        while (end < head.Length && (char.IsLetterOrDigit(head[end]) || head[end] is '-' or '_' or ':' or '"' or '\''))
        {
            end++;
        }

        return head[start..end].Trim('"', '\'');
    }
}
