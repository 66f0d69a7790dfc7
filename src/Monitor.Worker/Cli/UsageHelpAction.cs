using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Monitor.Worker.Cli;

/// <summary><c>--help</c>: the usage text of every verb at the root, System.CommandLine's help for one verb
/// (<c>crawl --help</c>: its description, usage line, options and argument).</summary>
internal sealed class UsageHelpAction(HelpAction verbHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command is RootCommand)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(CliSpec.Usage);
            return 0;
        }

        return verbHelp.Invoke(parseResult);
    }
}
