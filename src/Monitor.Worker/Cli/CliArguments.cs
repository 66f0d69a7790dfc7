namespace Monitor.Worker.Cli;

/// <summary>A parsed command line: the verb (with sub-verb), options and positional arguments.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options;

    private CliArguments(string verb, IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Verb = verb;
        Positional = positional;
        _options = options;
    }

    /// <summary>The verb, e.g. <c>crawl</c> or <c>sources check</c>.</summary>
    public string Verb { get; }

    /// <summary>Arguments that are not options, after the verb.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help => _options.ContainsKey("help");

    /// <summary>The value of <c>--name VALUE</c>, or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>True when the flag <c>--name</c> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option names given.</summary>
    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Parses <paramref name="args"/>; verbs with sub-verbs (sources, db, bench) take the next word too.</summary>
    /// <exception cref="CliUsageException">An option is unknown or lacks its value (verbs are checked by <see cref="CliApplication"/>).</exception>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                options["help"] = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[name[..eq]] = name[(eq + 1)..];
                }
                else if (CliSpec.Flags.Contains(name))
                {
                    options[name] = null;
                }
                else if (CliSpec.Valued.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"option --{name} needs a value");
                    }

                    options[name] = args[++i];
                }
                else
                {
                    throw new CliUsageException($"unknown option --{name}");
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        var verb = words.Count == 0 ? "run" : words[0];
        var rest = words.Skip(1).ToList();
        if (CliSpec.HasSubVerbs(verb) && rest.Count > 0)
        {
            verb = $"{verb} {rest[0]}";
            rest.RemoveAt(0);
        }

        return new CliArguments(verb, rest, options);
    }
}
