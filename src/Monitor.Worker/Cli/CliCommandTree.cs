using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.Globalization;

namespace Monitor.Worker.Cli;

/// <summary>Builds the System.CommandLine tree from <see cref="CliVerbs"/>: one command per verb (two-word verbs under a
/// group command), typed validation, completions, per-verb help; the root's help is the usage text.</summary>
internal static class CliCommandTree
{
    /// <summary>The verb handler: the verb, what was given, cancellation; returns the exit code.</summary>
    public delegate Task<int> Handler(CliVerb verb, CliArguments arguments, CancellationToken cancellationToken);

    /// <summary>The root command; the root itself is the <c>run</c> verb. <paramref name="completions"/> adds completions
    /// for a verb's argument (key <c>sources test</c>) or option (key <c>crawl --source</c>): source ids, say, read from
    /// the configuration directory the line names (null: the default).</summary>
    public static RootCommand Build(Handler handler, Func<string, string?, IEnumerable<string>>? completions = null)
    {
        var root = new RootCommand("Monitor — watches governments and news outlets for national LLM and AI policy announcements.");
        var run = CliVerbs.Find("run")!;
        Configure(root, run, handler, completions);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new UsageHelpAction((HelpAction)help.Action!);

        foreach (var verb in CliVerbs.All)
        {
            Command parent = root;
            foreach (var word in verb.Words[..^1])
            {
                parent = parent.Subcommands.FirstOrDefault(c => c.Name == word) ?? Add(parent, new Command(word, GroupDescription(word)));
            }

            Configure(Add(parent, new Command(verb.Words[^1], verb.Description)), verb, handler, completions);
        }

        return root;
    }

    private static Command Add(Command parent, Command child)
    {
        parent.Subcommands.Add(child);
        return child;
    }

    private static string GroupDescription(string word) => word switch
    {
        "sources" => "check, try, list and report the configured sources",
        "db" => "database maintenance",
        "bench" => "speed and memory benchmarks",
        "subscribers" => "manage subscribers",
        _ => word,
    };

    private static void Configure(Command command, CliVerb verb, Handler handler, Func<string, string?, IEnumerable<string>>? completions)
    {
        foreach (var spec in verb.Options)
        {
            if (spec.IsFlag)
            {
                command.Options.Add(new Option<bool>($"--{spec.Name}") { Description = spec.Description });
                continue;
            }

            var option = ValuedOption(spec);
            if (completions is not null && spec.Choices is null)
            {
                option.CompletionSources.Add(context => completions($"{verb.Name} --{spec.Name}", ConfigOf(context)).Select(c => new CompletionItem(c)));
            }

            command.Options.Add(option);
        }

        if (verb.Argument is { } name)
        {
            var argument = new Argument<string>(name) { Description = verb.ArgumentDescription, HelpName = name, Arity = ArgumentArity.ExactlyOne };
            if (verb.Name == "completion")
            {
                argument.CompletionSources.Add(CliVerbs.Shells);
                argument.Validators.Add(r =>
                {
                    if (r.Tokens.Count == 1 && !CliVerbs.Shells.Contains(r.Tokens[0].Value))
                    {
                        r.AddError($"'{r.Tokens[0].Value}' is not a shell Monitor writes completions for: {string.Join(", ", CliVerbs.Shells)}");
                    }
                });
            }
            else if (completions is not null)
            {
                argument.CompletionSources.Add(context => completions(verb.Name, ConfigOf(context)).Select(c => new CompletionItem(c)));
            }

            command.Arguments.Add(argument);
        }

        command.SetAction((parse, cancellationToken) => handler(verb, CliArguments.From(parse, verb), cancellationToken));
    }

    /// <summary>The <c>--config</c> already written on the line being completed, if any.</summary>
    private static string? ConfigOf(CompletionContext context) =>
        context.ParseResult.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--config") is Option<string> config
            ? context.ParseResult.GetValue(config)
            : null;

    private static Option<string> ValuedOption(CliOption spec)
    {
        var option = new Option<string>($"--{spec.Name}") { Description = spec.Description, HelpName = spec.ValueName, Required = spec.Required };
        if (spec.Choices is { } choices)
        {
            option.CompletionSources.Add([.. choices]);
        }

        option.Validators.Add(result =>
        {
            if (result.Tokens.Count != 1)
            {
                return;
            }

            var value = result.Tokens[0].Value;
            if (spec.Value == CliValue.WholeNumber && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < spec.Minimum))
            {
                result.AddError(spec.Minimum <= 0 ? $"--{spec.Name} takes a whole number" : $"--{spec.Name} takes a whole number of at least {spec.Minimum}");
            }
            else if (spec.Value == CliValue.Choice && !spec.Choices!.Contains(value))
            {
                result.AddError($"--{spec.Name} takes {Or(spec.Choices!)}");
            }
        });
        return option;
    }

    private static string Or(IReadOnlyList<string> choices) =>
        choices.Count == 1 ? choices[0] : $"{string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}";
}
