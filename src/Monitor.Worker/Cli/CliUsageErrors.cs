using System.CommandLine;
using System.CommandLine.Parsing;

namespace Monitor.Worker.Cli;

/// <summary>Says what is wrong with a command line in the words of the verbs (<c>'crawl' does not take --to</c>), with
/// "did you mean" suggestions, instead of the parser's generic messages.</summary>
internal static class CliUsageErrors
{
    /// <summary>One line per problem, in the order of the command line.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var messages = new List<string>();
        var command = parse.CommandResult.Command;
        var verb = VerbName(command);
        var isVerb = CliVerbs.Find(verb) is not null || command is RootCommand;
        var unmatched = parse.UnmatchedTokens;
        var skipNext = false;
        var reportedVerb = false;
        foreach (var token in unmatched)
        {
            if (skipNext && !token.StartsWith('-'))
            {
                skipNext = false;
                continue;
            }

            skipNext = false;
            if (token.StartsWith('-'))
            {
                var name = token.TrimStart('-').Split('=', ':')[0];
                var known = CliVerbs.IsKnownOption(name);
                skipNext = !token.Contains('=', StringComparison.Ordinal) && (!known || CliVerbs.TakesValue(name));
                var options = command.Options.Select(o => o.Name);
                messages.Add((known && command is not RootCommand ? $"'{verb}' does not take --{name}" : $"unknown option --{name}")
                    + Suggest(token, options));
            }
            else if (command is RootCommand || !isVerb)
            {
                if (!reportedVerb)
                {
                    var candidates = command.Subcommands.Select(c => c.Name).ToList();
                    messages.Add($"unknown verb '{(command is RootCommand ? token : $"{verb} {token}")}'" + Suggest(token, candidates));
                    reportedVerb = true;
                }
            }
            else
            {
                messages.Add($"'{verb}' takes no argument '{token}'");
            }
        }

        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case CommandResult when unmatched.Count > 0:
                    break;
                case CommandResult group when group.Command.Subcommands.Count > 0 && group.Command is not RootCommand:
                    messages.Add($"'{verb}' needs a verb: {string.Join(", ", group.Command.Subcommands.Select(c => c.Name))}");
                    break;
                case OptionResult { IdentifierToken: null } option:
                    messages.Add($"'{verb}' needs {option.Option.Name}");
                    break;
                case OptionResult { Tokens.Count: 0 } option:
                    messages.Add($"option {option.Option.Name} needs a value");
                    break;
                case ArgumentResult { Argument.Parents: var parents } argument when argument.Tokens.Count == 0 && parents.OfType<Command>().FirstOrDefault() is { } owner:
                    messages.Add($"'{VerbName(owner)}' needs exactly one {CliVerbs.Find(VerbName(owner))?.ArgumentDescription ?? argument.Argument.Name}");
                    break;
                default:
                    messages.Add(error.Message);
                    break;
            }
        }

        return messages.Count > 0 ? messages.Distinct().ToList() : ["the command line could not be read"];
    }

    /// <summary>The verb a command stands for: <c>sources test</c>, or <c>run</c> for the root.</summary>
    public static string VerbName(Command command)
    {
        if (command is RootCommand)
        {
            return "run";
        }

        var words = new List<string>();
        for (Symbol? symbol = command; symbol is Command { } c and not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            words.Insert(0, c.Name);
        }

        return string.Join(' ', words);
    }

    /// <summary>"; did you mean ...?" when some candidate is close to <paramref name="word"/>, else empty.</summary>
    public static string Suggest(string word, IEnumerable<string> candidates)
    {
        var close = candidates.Where(c => !c.StartsWith("-?", StringComparison.Ordinal) && !c.StartsWith('/'))
            .Select(c => (Name: c, Distance: Distance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3) || (word.Length >= 3 && c.Name.TrimStart('-').StartsWith(word.TrimStart('-'), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name).Take(3).ToList();
        return close.Count == 0 ? "" : $"; did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
    }

    /// <summary>Edit distance counting a swap of two neighbours as one edit (optimal string alignment; words here are short).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
