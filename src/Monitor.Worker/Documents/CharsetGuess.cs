using System.Text;
using UtfUnknown;

namespace Monitor.Worker.Documents;

/// <summary>
/// Second opinion on a document's charset when the bytes contradict what it declares: a feed or page that says UTF-8
/// (or nothing) but whose bytes are mostly not UTF-8 is Shift_JIS, EUC-JP, GB18030, EUC-KR, Big5, KOI8-R or a
/// Windows code page more often than not. The statistical detector of Mozilla's universal charset detector
/// (UTF.Unknown) decides, on the first 64 KB; a few stray bytes in otherwise valid UTF-8 are left to the caller.
/// </summary>
public static class CharsetGuess
{
    private const int SampleBytes = 64 * 1024;

    static CharsetGuess() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The legacy encoding <paramref name="data"/> is written in, when it is not UTF-8 for the most part (more invalid
    /// than valid multi-byte sequences) and the detector names a non-Unicode charset with some confidence; else null.
    /// </summary>
    public static Encoding? LegacyEncoding(ReadOnlySpan<byte> data)
    {
        if (!MostlyNotUtf8(data))
        {
            return null;
        }

        var sample = data[..Math.Min(data.Length, SampleBytes)].ToArray();
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected?.Encoding is not { } encoding || detected.Confidence < 0.3 || encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001 or 20127)
        {
            return null;
        }

        // GB2312 and GBK text is a subset of GB18030: read it as the superset.
        return encoding.CodePage is 936 or 20936 ? Encoding.GetEncoding("gb18030") : encoding;
    }

    /// <summary>True when invalid UTF-8 sequences outnumber the valid multi-byte ones.</summary>
    public static bool MostlyNotUtf8(ReadOnlySpan<byte> data)
    {
        int valid = 0, invalid = 0;
        var i = 0;
        while (i < data.Length)
        {
            if (data[i] < 0x80)
            {
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf8(data[i..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            i += Math.Max(1, consumed);
        }

        return invalid > valid;
    }
}
