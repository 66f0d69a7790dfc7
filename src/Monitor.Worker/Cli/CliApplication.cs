using System.CommandLine;
using System.CommandLine.Invocation;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;
using Monitor.Worker.Extraction;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Cli;

/// <summary>Parses the command line (System.CommandLine, built from <see cref="CliVerbs"/>) and runs the verb.
/// Exit codes: 0 success, 1 failure, 2 usage, 130 cancelled.</summary>
public static class CliApplication
{
    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = CliCommandTree.Build((verb, cli, cancellationToken) => DispatchAsync(cli, output, error, cancellationToken), CliCompletions.For);
        var parse = root.Parse(CliArgumentOrder.VerbFirst(args, root));
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Action is ParseErrorAction)
        {
            foreach (var message in CliUsageErrors.Describe(parse))
            {
                await error.WriteLineAsync($"error: {message}");
            }

            await error.WriteLineAsync();
            await WriteHelpAsync(root, parse.CommandResult.Command, error);
            return 2;
        }

        if (parse.Action is not AsynchronousCommandLineAction || parse.CommandResult.Command.Action != parse.Action)
        {
            // --help, [suggest], [diagram], --version: System.CommandLine's own actions.
            return await parse.InvokeAsync(invocation);
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await parse.InvokeAsync(invocation, cancellation.Token);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync();
            await WriteHelpAsync(root, parse.CommandResult.Command, error);
            return 2;
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (Exception ex)
        {
            // The process boundary: one line saying what failed; the stack trace only when asked for (--verbose or
            // Logging__LogLevel__Default=Debug), never the runtime's crash dump and exit 134.
            await error.WriteLineAsync($"error: {OneLine(ex)}");
            if (args.Contains("--verbose") || Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is "Debug" or "Trace")
            {
                await error.WriteLineAsync(ex.ToString());
            }

            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>What the verb would receive for <paramref name="args"/>, or null when the command line is wrong (for tests).</summary>
    internal static CliArguments? Parse(string[] args)
    {
        CliArguments? parsed = null;
        var root = CliCommandTree.Build((_, cli, _) =>
        {
            parsed = cli;
            return Task.FromResult(0);
        });
        var parse = root.Parse(CliArgumentOrder.VerbFirst(args, root));
        if (parse.Errors.Count > 0 || parse.Action is not AsynchronousCommandLineAction action)
        {
            return null;
        }

        action.InvokeAsync(parse, CancellationToken.None).GetAwaiter().GetResult();
        return parsed;
    }

    /// <summary>The usage text at the root, System.CommandLine's help of the verb (or verb group) otherwise.</summary>
    private static async Task WriteHelpAsync(RootCommand root, Command command, TextWriter writer)
    {
        if (command is RootCommand)
        {
            await writer.WriteLineAsync(CliSpec.Usage);
            return;
        }

        var words = CliUsageErrors.VerbName(command).Split(' ');
        await root.Parse([.. words, "--help"]).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer });
    }

    private static string OneLine(Exception ex) => ex switch
    {
        FatalException or Storage.DatabaseUnavailableException => ex.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } =>
            $"{ex.Message.TrimEnd('.')} (Monitor:Web:Urls): stop the program using that port or choose another address",
        IOException or UnauthorizedAccessException => ex.Message,
        _ => $"unexpected {ex.GetType().Name}: {ex.Message} (run with --verbose or Logging__LogLevel__Default=Debug for details)",
    };

    private static async Task<int> DispatchAsync(CliArguments cli, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var paths = ConfigPaths.Resolve(cli.Get("config"));
        return cli.Verb switch
        {
            "run" => await WorkerCommand.RunAsync(paths, cancellationToken),
            "demo" => await Demo.DemoCommand.RunAsync(paths, output, cancellationToken),
            "crawl" => await CrawlCommand.RunAsync(paths, cli.Get("source"), cli.Has("verbose"), output, cancellationToken),
            "digest" => await DigestCommand.RunAsync(paths, cli.Has("dry-run"), cli.Get("to"), cli.Get("out"), output, cancellationToken),
            "subscribers add" => await SubscribersCommands.AddAsync(paths, cli.Positional[0], cli, output, cancellationToken),
            "subscribers remove" => await SubscribersCommands.RemoveAsync(paths, cli.Positional[0], output, cancellationToken),
            "subscribers list" => await SubscribersCommands.ListAsync(paths, cli.Get("status"), output, cancellationToken),
            "subscribers import" => await SubscribersCommands.ImportAsync(paths, cli.Positional[0], output, cancellationToken),
            "subscribers export" => await SubscribersCommands.ExportAsync(paths, cli.Get("out"), output, cancellationToken),
            "bench digest" => await DigestBenchmark.RunAsync(paths, ParseInt(cli.Get("subscribers"), 10_000), ParseInt(cli.Get("announcements"), 300), output, cancellationToken),
            "bench archive" => await Archive.ArchiveBenchmark.RunAsync(ParseInt(cli.Get("announcements"), 100_000), ParseInt(cli.Get("page-size"), 20), output, cancellationToken),
            "sources check" => await SourcesCommands.CheckAsync(paths, output, error),
            "sources test" => await SourcesCommands.TestAsync(paths, cli.Positional[0], ParseInt(cli.Get("items"), 5), output, cancellationToken),
            "sources list" => await SourcesCommands.ListAsync(paths, output, cancellationToken),
            "sources coverage" => await SourcesCoverageCommand.RunAsync(paths, cli.Get("format") ?? "text", cli.Get("readme"), output, error, cancellationToken),
            "db migrate" => await DbCommand.MigrateAsync(paths, output, cancellationToken),
            "db vacuum" => await DbCommand.VacuumAsync(paths, output, cancellationToken),
            "extract" => await ExtractCommand.RunAsync(cli.Get("in-dir")!, cli.Get("out-dir")!, output, cancellationToken),
            "classify" => await ClassifyCommand.RunAsync(cli.Get("in")!, cli.Get("out")!, cli.Get("taxonomy") ?? paths.TaxonomyFile, output, error, cancellationToken),
            "parse-feed" => await ParseFeedCommand.RunAsync(cli.Get("in-dir")!, cli.Get("out-dir")!, output, cancellationToken),
            "bench extract" => await ExtractionBenchmark.RunAsync(cli.Get("in-dir")!, ParseInt(cli.Get("rounds"), 10), output, cancellationToken),
            "bench replicas" => await Crawling.Benchmark.ReplicaBenchmark.RunAsync(paths, cli.Get("connection")!,
                (cli.Get("replicas") ?? "1,2").Split(',').Select(r => ParseInt(r, 1)).ToList(), ParseInt(cli.Get("feeds"), 1000), ParseInt(cli.Get("items"), 20),
                ParseInt(cli.Get("hosts"), 50), cli.Get("work-dir"), output, cancellationToken),
            "bench crawl" => await Crawling.Benchmark.CrawlBenchmark.RunAsync(paths, ParseInt(cli.Get("feeds"), 1000), ParseInt(cli.Get("items"), 20), ParseInt(cli.Get("hosts"), 50), cli.Has("articles"), cli.Get("work-dir"), output, cancellationToken),
            "bench store" => await Storage.StoreBenchmark.RunAsync(ParseInt(cli.Get("stored"), 100_000), ParseInt(cli.Get("adds"), 200), cli.Get("work-dir"), output, cancellationToken),
            "bench classify" => await ClassificationBenchmark.RunAsync(cli.Get("in")!, cli.Get("taxonomy") ?? paths.TaxonomyFile, output, cancellationToken),
            "classify-train" when cli.Get("cv") is { } folds => await ClassifierTraining.CrossValidateAsync(Paths(cli.Get("in")!), Extra(cli), cli.Get("taxonomy") ?? paths.TaxonomyFile, ParseInt(folds, 5), cli.Get("out")!, output, error, cancellationToken),
            "classify-train" => await ClassifierTraining.TrainAsync(Paths(cli.Get("in")!), Extra(cli), cli.Get("taxonomy") ?? paths.TaxonomyFile, cli.Get("out")!, output, error, cancellationToken),
            "completion" => await CompletionScripts.WriteAsync(cli.Positional[0], output),
            _ => throw new InvalidOperationException($"verb {cli.Verb} has no handler"),
        };
    }

    private static string[] Extra(CliArguments cli) => cli.Get("extra") is { } list ? Paths(list) : [];

    private static string[] Paths(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ParseInt(string? value, int fallback) => value is null ? fallback : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
