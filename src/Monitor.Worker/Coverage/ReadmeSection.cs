namespace Monitor.Worker.Coverage;

/// <summary>The part of README.md between <c>&lt;!-- coverage:start --&gt;</c> and <c>&lt;!-- coverage:end --&gt;</c>. Pure.</summary>
public static class ReadmeSection
{
    /// <summary>The line that opens the generated section.</summary>
    public const string Start = "<!-- coverage:start -->";

    /// <summary>The line that closes the generated section.</summary>
    public const string End = "<!-- coverage:end -->";

    /// <summary>The text between the markers (without them), or null when the markers are missing or out of order.</summary>
    public static string? Extract(string readme)
    {
        var (start, end) = Find(readme);
        return start < 0 ? null : readme[start..end].Trim('\r', '\n') + "\n";
    }

    /// <summary><paramref name="readme"/> with the text between the markers replaced by <paramref name="content"/>, or null when the markers are missing.</summary>
    public static string? Replace(string readme, string content)
    {
        var (start, end) = Find(readme);
        return start < 0 ? null : readme[..start] + "\n" + content.TrimEnd('\r', '\n') + "\n" + readme[end..];
    }

    private static (int Start, int End) Find(string readme)
    {
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? (-1, -1) : (start + Start.Length, end);
    }
}
