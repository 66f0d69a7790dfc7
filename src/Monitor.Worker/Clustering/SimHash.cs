using System.Globalization;
using System.Text;

namespace Monitor.Worker.Clustering;

/// <summary>64-bit SimHash over word shingles (character bigrams for CJK text), for near-duplicate detection.</summary>
public static class SimHash
{
    /// <summary>The SimHash of <paramref name="text"/>; 0 for empty text.</summary>
    public static long Compute(string text)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            var shingle = i + 2 < tokens.Count ? $"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]}" : tokens[i];
            var hash = Fnv1a(shingle);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return unchecked((long)result);
    }

    private static ulong Fnv1a(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV's low bits mix poorly; a final avalanche (from SplitMix64) spreads every input bit over all 64.
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
        var tokens = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        char? previousCjk = null;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsCjk(c))
            {
                Flush();
                if (previousCjk is { } p)
                {
                    tokens.Add(string.Concat(p, c));
                }

                previousCjk = c;
                continue;
            }

            previousCjk = null;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;
    }

    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';
}
