namespace Monitor.Worker.Configuration;

/// <summary>One problem found in a configuration file: which file, which entry, which field, and what is wrong.</summary>
/// <param name="File">The file name (e.g. <c>sources.yaml</c>).</param>
/// <param name="Entry">The entry: a source id, or a position such as <c>sources[3]</c>; empty for file-level problems.</param>
/// <param name="Field">The field or key, empty when the whole entry is at fault.</param>
/// <param name="Message">What is wrong, in words a curator can act on.</param>
public sealed record ConfigProblem(string File, string Entry, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = string.IsNullOrEmpty(Entry) ? File : $"{File}: {Entry}";
        return string.IsNullOrEmpty(Field) ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
