using System.CommandLine;

namespace Monitor.Worker.Cli;

/// <summary>A parsed command line as the verbs read it: the verb, the values of the options given, the positional argument.</summary>
public sealed class CliArguments
{
    private readonly IReadOnlyDictionary<string, string?> _options;

    /// <summary>A command line for <paramref name="verb"/> with these option values (a flag's value is null).</summary>
    public CliArguments(string verb, IReadOnlyList<string> positional, IReadOnlyDictionary<string, string?> options)
    {
        Verb = verb;
        Positional = positional;
        _options = options;
    }

    /// <summary>The verb, e.g. <c>crawl</c> or <c>sources test</c>.</summary>
    public string Verb { get; }

    /// <summary>The positional argument, when the verb takes one.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>The value of <c>--name VALUE</c>, or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>True when <c>--name</c> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>What System.CommandLine parsed for <paramref name="verb"/>: only the options actually given count.</summary>
    internal static CliArguments From(ParseResult parse, CliVerb verb)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var option in parse.CommandResult.Command.Options)
        {
            var name = option.Name.TrimStart('-');
            if (verb.Option(name) is not { } spec || parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            options[name] = spec.IsFlag ? null : parse.GetValue<string>(option.Name);
        }

        var positional = parse.CommandResult.Command.Arguments.Select(a => parse.GetValue<string>(a.Name)).OfType<string>().ToList();
        return new CliArguments(verb.Name, positional, options);
    }
}
