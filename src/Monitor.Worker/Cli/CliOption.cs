namespace Monitor.Worker.Cli;

/// <summary>What an option's value must be; checked while parsing (a usage error, exit 2).</summary>
public enum CliValue
{
    /// <summary>A flag: no value.</summary>
    None,

    /// <summary>Any text (a path, an id, a list).</summary>
    Text,

    /// <summary>A whole number at least <see cref="CliOption.Minimum"/>.</summary>
    WholeNumber,

    /// <summary>One of <see cref="CliOption.Choices"/>.</summary>
    Choice,
}

/// <summary>One option of a verb: <c>--name VALUE</c> or a flag. <paramref name="Choices"/> are also offered as completions
/// (for <see cref="CliValue.Text"/> options they are completions only: the verb itself says what is wrong with a value).</summary>
public sealed record CliOption(string Name, string? ValueName, string Description, CliValue Value = CliValue.Text, bool Required = false,
    int Minimum = 0, IReadOnlyList<string>? Choices = null)
{
    /// <summary>A flag that takes no value.</summary>
    public static CliOption Flag(string name, string description) => new(name, null, description, CliValue.None);

    /// <summary>An option taking a whole number of at least <paramref name="minimum"/>.</summary>
    public static CliOption Number(string name, string description, int minimum = 1) => new(name, "N", description, CliValue.WholeNumber, Minimum: minimum);

    /// <summary>True for flags.</summary>
    public bool IsFlag => Value == CliValue.None;
}
