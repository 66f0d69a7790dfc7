using System.CommandLine;

namespace Monitor.Worker.Cli;

/// <summary>The hand-written parser this CLI replaced read options anywhere (<c>--config DIR sources check</c>); scripts
/// may rely on it, so options written before the verb are moved after it before System.CommandLine parses.</summary>
internal static class CliArgumentOrder
{
    /// <summary><paramref name="args"/> with the verb's words first, everything else in its original order.</summary>
    public static string[] VerbFirst(IReadOnlyList<string> args, RootCommand root)
    {
        var directives = args.TakeWhile(a => a.StartsWith('[') && a.EndsWith(']')).ToList();
        var verb = new List<string>();
        var rest = new List<string>();
        Command current = root;
        var inVerb = true;
        for (var i = directives.Count; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-'))
            {
                rest.Add(arg);
                var name = arg.TrimStart('-');
                if (!name.Contains('=', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal) && CliVerbs.TakesValue(name) && i + 1 < args.Count)
                {
                    rest.Add(args[++i]);
                }
            }
            else if (inVerb && current.Subcommands.FirstOrDefault(c => c.Name == arg) is { } sub)
            {
                verb.Add(arg);
                current = sub;
            }
            else
            {
                inVerb = false;
                rest.Add(arg);
            }
        }

        return [.. directives, .. verb, .. rest];
    }
}
