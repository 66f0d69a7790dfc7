namespace Monitor.Worker.Classification;

/// <summary>A light English suffix stripper (Porter's step 1 and the -ation/-ization endings) so that "regulates",
/// "regulated", "regulating" and "regulation" share one learned feature. Words with any character outside a–z (other
/// languages, digits) and words of three letters or fewer are returned unchanged.</summary>
/// <remarks>Over-stemming a non-English Latin word is harmless here: it only has to map the same word to the same
/// feature every time.</remarks>
internal static class EnglishStemmer
{
    /// <summary>Writes the stem of <paramref name="word"/> (folded to lower case) to <paramref name="buffer"/>, which
    /// must hold at least <c>word.Length</c> characters; returns the stem's length.</summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> buffer)
    {
        word.CopyTo(buffer);
        var n = word.Length;
        if (n <= 3 || !IsAsciiLower(word))
        {
            return n;
        }

        // Step 1a: plurals.
        if (Ends(buffer, n, "sses"))
        {
            n -= 2;
        }
        else if (Ends(buffer, n, "ies"))
        {
            n -= 2;
        }
        else if (buffer[n - 1] == 's' && buffer[n - 2] != 's' && buffer[n - 2] != 'u' && buffer[n - 2] != 'i')
        {
            n -= 1;
        }

        // Step 1b: -ed, -ing.
        if (Ends(buffer, n, "eed"))
        {
            if (n > 4)
            {
                n -= 1;
            }
        }
        else if ((Ends(buffer, n, "ed") && HasVowel(buffer, n - 2)) || (Ends(buffer, n, "ing") && HasVowel(buffer, n - 3)))
        {
            n -= buffer[n - 1] == 'd' ? 2 : 3;
            if (Ends(buffer, n, "at") || Ends(buffer, n, "bl") || Ends(buffer, n, "iz"))
            {
                buffer[n++] = 'e';
            }
            else if (n >= 2 && buffer[n - 1] == buffer[n - 2] && !IsVowel(buffer[n - 1]) && buffer[n - 1] is not ('l' or 's' or 'z'))
            {
                n -= 1;
            }
        }

        // Step 1c: -y → -i.
        if (n > 2 && buffer[n - 1] == 'y' && HasVowel(buffer, n - 1))
        {
            buffer[n - 1] = 'i';
        }

        // A few derivational endings.
        if (n > 7 && Ends(buffer, n, "ization"))
        {
            n -= 4;
            buffer[n - 1] = 'e';
        }
        else if (n > 6 && Ends(buffer, n, "ation"))
        {
            n -= 2;
            buffer[n - 1] = 'e';
        }

        return n;
    }

    private static bool Ends(Span<char> buffer, int n, string suffix) => n > suffix.Length && buffer[..n].EndsWith(suffix);

    private static bool HasVowel(Span<char> buffer, int n)
    {
        for (var k = 0; k < n; k++)
        {
            if (IsVowel(buffer[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsAsciiLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
