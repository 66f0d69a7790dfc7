namespace Monitor.Worker.Extraction;

/// <summary>Cheap character statistics used by scoring.</summary>
internal static class TextStats
{
    /// <summary>Counts characters that are not white space.</summary>
    public static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts commas of Latin, CJK and Arabic scripts: each marks a clause, a sign of prose.</summary>
    public static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、' or '،' or '。')
            {
                count++;
            }
        }

        return count;
    }
}
