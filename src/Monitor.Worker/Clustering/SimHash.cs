using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;

namespace Monitor.Worker.Clustering;

/// <summary>64-bit SimHash over word shingles (character bigrams for CJK text), for near-duplicate detection.</summary>
public static class SimHash
{
    /// <summary>The SimHash of <paramref name="text"/>; 0 for empty text.</summary>
    /// <remarks>Allocation-light: tokens are spans of one buffer and shingles are hashed in place, with the same
    /// values as hashing the shingle strings ("a b c").</remarks>
    public static long Compute(string text)
    {
        var buffer = new List<char>(text.Length);
        var tokens = new List<(int Start, int Length)>(text.Length / 5);
        Tokenize(text, buffer, tokens);
        if (tokens.Count == 0)
        {
            return 0;
        }

        var chars = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
        var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);

        // 64 counters in eight vectors: each shingle adds, per byte of its hash, that byte's eight +1/-1 at once.
        Span<Vector256<int>> weights = stackalloc Vector256<int>[8];
        weights.Clear();
        var table = ByteWeights;
        for (var i = 0; i < spans.Length; i++)
        {
            var hash = 14695981039346656037UL;
            var last = i + 2 < spans.Length ? i + 2 : i;
            for (var t = i; t <= last; t++)
            {
                if (t > i)
                {
                    hash = (hash ^ ' ') * 1099511628211UL;
                }

                foreach (var c in chars.Slice(spans[t].Start, spans[t].Length))
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }
            }

            hash = Avalanche(hash);
            for (var b = 0; b < 8; b++)
            {
                weights[b] += table[(int)((hash >> (8 * b)) & 0xFF)];
            }
        }

        ulong result = 0;
        for (var b = 0; b < 8; b++)
        {
            // Bit 8b + j is set when its counter is positive.
            var positive = Vector256.GreaterThan(weights[b], Vector256<int>.Zero).ExtractMostSignificantBits();
            result |= (ulong)positive << (8 * b);
        }

        return unchecked((long)result);
    }

    // For each byte value, the +1 (bit set) or -1 (bit clear) of its eight bits, lowest bit first.
    private static readonly Vector256<int>[] ByteWeights = Enumerable.Range(0, 256)
        .Select(v => Vector256.Create(Enumerable.Range(0, 8).Select(j => ((v >> j) & 1) == 1 ? 1 : -1).ToArray()))
        .ToArray();

    // FNV's low bits mix poorly; a final avalanche (from SplitMix64) spreads every input bit over all 64.
    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    /// <summary>Lower-cased word tokens; CJK runs become overlapping character bigrams.</summary>
    public static List<string> Tokens(string text)
    {
        var buffer = new List<char>(text.Length);
        var spans = new List<(int Start, int Length)>();
        Tokenize(text, buffer, spans);
        var chars = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
        var tokens = new List<string>(spans.Count);
        foreach (var (start, length) in spans)
        {
            tokens.Add(new string(chars.Slice(start, length)));
        }

        return tokens;
    }

    // Appends each token's characters to buffer and its place to tokens.
    private static void Tokenize(string text, List<char> buffer, List<(int Start, int Length)> tokens)
    {
        var wordStart = -1;
        void Flush()
        {
            if (wordStart >= 0 && buffer.Count > wordStart)
            {
                tokens.Add((wordStart, buffer.Count - wordStart));
            }

            wordStart = -1;
        }

        var previousCjk = '\0';
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsCjk(c))
            {
                Flush();
                if (previousCjk != '\0')
                {
                    tokens.Add((buffer.Count, 2));
                    buffer.Add(previousCjk);
                    buffer.Add(c);
                }

                previousCjk = c;
                continue;
            }

            previousCjk = '\0';
            if (char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && IsWordChar(c)))
            {
                if (wordStart < 0)
                {
                    wordStart = buffer.Count;
                }

                buffer.Add(c <= '\u007f' ? (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0)) : char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c is not ('\u200c' or '\u200d'))
            {
                // Zero-width (non-)joiners shape Indic and Arabic words without ending them; they are dropped.
                Flush();
            }
        }

        Flush();
    }

    // Letters, digits, and the combining marks that Indic, Thai and other scripts write their vowel signs and viramas
    // with (a word such as "मिशन" is consonants and marks: splitting at marks would leave single consonants).
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';
}
