using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;
using Monitor.Worker.Extraction;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Cli;

/// <summary>Parses the command line and runs the verb. Exit codes: 0 success, 1 failure, 2 usage.</summary>
public static class CliApplication
{
    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        CliArguments cli;
        try
        {
            cli = CliArguments.Parse(args);
            Check(cli);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync();
            await error.WriteLineAsync(CliSpec.Usage);
            return 2;
        }

        if (cli.Help)
        {
            await output.WriteLineAsync(CliSpec.Usage);
            return 0;
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
            return await DispatchAsync(cli, output, error, cancellation.Token);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync();
            await error.WriteLineAsync(CliSpec.Usage);
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
            if (WantsDetails(cli))
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

    private static string OneLine(Exception ex) => ex switch
    {
        FatalException or Storage.DatabaseUnavailableException => ex.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } =>
            $"{ex.Message.TrimEnd('.')} (Monitor:Web:Urls): stop the program using that port or choose another address",
        IOException or UnauthorizedAccessException => ex.Message,
        _ => $"unexpected {ex.GetType().Name}: {ex.Message} (run with --verbose or Logging__LogLevel__Default=Debug for details)",
    };

    private static bool WantsDetails(CliArguments cli) =>
        cli.Has("verbose") || Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is "Debug" or "Trace";

    private static async Task<int> DispatchAsync(CliArguments cli, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var paths = ConfigPaths.Resolve(cli.Get("config"));
        return cli.Verb switch
        {
            "run" => await WorkerCommand.RunAsync(paths, cancellationToken),
            "demo" => await Demo.DemoCommand.RunAsync(paths, output, cancellationToken),
            "crawl" => await CrawlCommand.RunAsync(paths, cli.Get("source"), cli.Has("verbose"), output, cancellationToken),
            "digest" => await DigestCommand.RunAsync(paths, cli.Has("dry-run"), cli.Get("to"), cli.Get("out"), output, cancellationToken),
            "subscribers add" => await SubscribersCommands.AddAsync(paths, Single(cli, "email address"), cli, output, cancellationToken),
            "subscribers remove" => await SubscribersCommands.RemoveAsync(paths, Single(cli, "email address"), output, cancellationToken),
            "subscribers list" => await SubscribersCommands.ListAsync(paths, cli.Get("status"), output, cancellationToken),
            "subscribers import" => await SubscribersCommands.ImportAsync(paths, Single(cli, "CSV file"), output, cancellationToken),
            "subscribers export" => await SubscribersCommands.ExportAsync(paths, cli.Get("out"), output, cancellationToken),
            "bench digest" => await DigestBenchmark.RunAsync(paths, ParseInt(cli.Get("subscribers"), 10_000), ParseInt(cli.Get("announcements"), 300), output, cancellationToken),
            "bench archive" => await Archive.ArchiveBenchmark.RunAsync(ParseInt(cli.Get("announcements"), 100_000), ParseInt(cli.Get("page-size"), 20), output, cancellationToken),
            "sources check" => await SourcesCommands.CheckAsync(paths, output, error),
            "sources test" => await SourcesCommands.TestAsync(paths, Single(cli, "source id"), ParseInt(cli.Get("items"), 5), output, cancellationToken),
            "sources list" => await SourcesCommands.ListAsync(paths, output, cancellationToken),
            "sources coverage" => await SourcesCoverageCommand.RunAsync(paths, cli.Get("format") ?? "text", cli.Get("readme"), output, error, cancellationToken),
            "db migrate" => await DbCommand.MigrateAsync(paths, output, cancellationToken),
            "extract" => await ExtractCommand.RunAsync(Required(cli, "in-dir"), Required(cli, "out-dir"), output, cancellationToken),
            "classify" => await ClassifyCommand.RunAsync(Required(cli, "in"), Required(cli, "out"), cli.Get("taxonomy") ?? paths.TaxonomyFile, output, error, cancellationToken),
            "parse-feed" => await ParseFeedCommand.RunAsync(Required(cli, "in-dir"), Required(cli, "out-dir"), output, cancellationToken),
            "bench extract" => await ExtractionBenchmark.RunAsync(Required(cli, "in-dir"), ParseInt(cli.Get("rounds"), 10), output, cancellationToken),
            "bench crawl" => await Crawling.Benchmark.CrawlBenchmark.RunAsync(paths, ParseInt(cli.Get("feeds"), 1000), ParseInt(cli.Get("items"), 20), ParseInt(cli.Get("hosts"), 50), cli.Has("articles"), cli.Get("work-dir"), output, cancellationToken),
            "bench store" => await Storage.StoreBenchmark.RunAsync(ParseInt(cli.Get("stored"), 100_000), ParseInt(cli.Get("adds"), 200), cli.Get("work-dir"), output, cancellationToken),
            "bench classify" => await ClassificationBenchmark.RunAsync(Required(cli, "in"), cli.Get("taxonomy") ?? paths.TaxonomyFile, output, cancellationToken),
            "classify-train" when cli.Get("cv") is { } folds => await ClassifierTraining.CrossValidateAsync(Paths(Required(cli, "in")), Extra(cli), cli.Get("taxonomy") ?? paths.TaxonomyFile, ParseInt(folds, 5), Required(cli, "out"), output, error, cancellationToken),
            "classify-train" => await ClassifierTraining.TrainAsync(Paths(Required(cli, "in")), Extra(cli), cli.Get("taxonomy") ?? paths.TaxonomyFile, Required(cli, "out"), output, error, cancellationToken),
            _ => throw new InvalidOperationException($"verb {cli.Verb} has no handler"),
        };
    }

    private static void Check(CliArguments cli)
    {
        if (!CliSpec.Verbs.TryGetValue(cli.Verb, out var allowed))
        {
            throw new CliUsageException($"unknown verb '{cli.Verb}'");
        }

        foreach (var option in cli.OptionNames.Where(o => o != "help" && !allowed.Contains(o)))
        {
            throw new CliUsageException($"'{cli.Verb}' does not take --{option}");
        }

        var expectedPositional = cli.Verb is "sources test" or "subscribers add" or "subscribers remove" or "subscribers import" ? 1 : 0;
        if (!cli.Help && cli.Positional.Count != expectedPositional)
        {
            throw new CliUsageException(expectedPositional == 0
                ? $"'{cli.Verb}' takes no argument '{string.Join(' ', cli.Positional)}'"
                : cli.Verb == "sources test" ? $"'{cli.Verb}' needs exactly one source id"
                : cli.Verb == "subscribers import" ? $"'{cli.Verb}' needs exactly one CSV file" : $"'{cli.Verb}' needs exactly one email address");
        }

        if (cli.Get("format") is { } format && format is not ("text" or "markdown"))
        {
            throw new CliUsageException("--format takes text or markdown");
        }

        foreach (var name in new[] { "items", "rounds", "cv", "subscribers", "announcements", "feeds", "hosts", "stored", "adds", "page-size" })
        {
            if (cli.Get(name) is { } value && !int.TryParse(value, out _))
            {
                throw new CliUsageException($"--{name} takes a whole number");
            }
        }
    }

    private static string Required(CliArguments cli, string name) =>
        cli.Get(name) ?? throw new CliUsageException($"'{cli.Verb}' needs --{name}");

    private static string[] Extra(CliArguments cli) => cli.Get("extra") is { } list ? Paths(list) : [];

    private static string[] Paths(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Single(CliArguments cli, string what) =>
        cli.Positional.Count == 1 ? cli.Positional[0] : throw new CliUsageException($"'{cli.Verb}' needs a {what}");

    private static int ParseInt(string? value, int fallback) => value is null ? fallback : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
