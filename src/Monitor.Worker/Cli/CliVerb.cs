namespace Monitor.Worker.Cli;

/// <summary>One verb of the command line (<c>crawl</c>, <c>sources test</c>...): its options and at most one positional
/// argument (<paramref name="Argument"/> names it, <paramref name="ArgumentDescription"/> says what it is and, in the
/// usage error, what is missing).</summary>
public sealed record CliVerb(string Name, string Description, IReadOnlyList<CliOption> Options, string? Argument = null, string? ArgumentDescription = null)
{
    /// <summary>The words of the verb: <c>["sources", "test"]</c>.</summary>
    public string[] Words => Name.Split(' ');

    /// <summary>The option called <paramref name="name"/>, or null.</summary>
    public CliOption? Option(string name) => Options.FirstOrDefault(o => o.Name == name);
}
