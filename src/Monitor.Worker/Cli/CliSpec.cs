namespace Monitor.Worker.Cli;

/// <summary>The verbs, their options and the usage text.</summary>
public static class CliSpec
{
    /// <summary>Options that take no value.</summary>
    public static readonly HashSet<string> Flags = ["once", "dry-run", "help", "verbose", "articles"];

    /// <summary>Options that take a value.</summary>
    public static readonly HashSet<string> Valued = ["source", "to", "config", "in-dir", "out-dir", "in", "out", "rounds", "items", "taxonomy", "cv", "extra", "feeds", "hosts", "work-dir", "stored", "adds"];

    /// <summary>Each verb with the options it accepts.</summary>
    public static readonly Dictionary<string, string[]> Verbs = new(StringComparer.Ordinal)
    {
        ["run"] = ["config"],
        ["demo"] = ["config"],
        ["crawl"] = ["config", "source", "once", "verbose"],
        ["digest"] = ["config", "dry-run", "to"],
        ["sources check"] = ["config"],
        ["sources test"] = ["config", "items"],
        ["sources list"] = ["config"],
        ["db migrate"] = ["config"],
        ["extract"] = ["in-dir", "out-dir"],
        ["classify"] = ["in", "out", "config", "taxonomy"],
        ["parse-feed"] = ["in-dir", "out-dir"],
        ["bench extract"] = ["in-dir", "rounds"],
        ["bench classify"] = ["in", "config", "taxonomy"],
        ["bench crawl"] = ["config", "feeds", "items", "hosts", "articles", "work-dir"],
        ["bench store"] = ["stored", "adds", "work-dir"],
        ["classify-train"] = ["in", "out", "config", "taxonomy", "cv", "extra"],
    };

    public const string Usage = """
        Monitor — watches governments and news outlets for national LLM and AI policy announcements.

        Usage: Monitor.Worker [verb] [options]      (dotnet run --project src/Monitor.Worker -c Release -- <verb>)

        Verbs:
          run                              the worker: scheduled crawling and digests, health endpoints (default)
          demo                             offline end to end: serve the bundled sample site on loopback, crawl,
                                           classify, store in a fresh SQLite file, write digests to data/outbox/
          crawl [--source ID] [--once]     one crawl pass now (all enabled sources, or one), with a summary table
          digest [--dry-run] [--to EMAIL]  compose and send the digests that are due (--dry-run prints them;
                                           --to limits the run to one subscriber and ignores the send hour)
          sources check                    validate the configuration; exit 1 listing every problem
          sources test ID [--items N]      fetch one source now and show what would be extracted and classified
          sources list                     every source with its crawl state
          db migrate                       apply database migrations and exit
          extract --in-dir DIR --out-dir OUT        extract articles from NAME.html[.gz] files to NAME.json
          classify --in FILE.jsonl --out FILE.jsonl classify announcements (one JSON object per line)
          parse-feed --in-dir DIR --out-dir OUT     parse every feed file to JSON
          bench extract --in-dir DIR [--rounds N]   extraction speed and peak memory
          bench classify --in FILE.jsonl            classification speed
          bench crawl [--feeds N] [--items K] [--hosts H] [--articles] [--work-dir DIR]
                                           crawl benchmark on a loopback farm: three passes of the real crawl verb
          bench store [--stored N] [--adds M]       time to add one announcement to a store holding N
          classify-train --in A.jsonl[,B.jsonl] --out MODEL.json   train the statistical classifier layer
          classify-train --in A.jsonl[,B.jsonl] --cv K --out PREDICTIONS.jsonl   K-fold cross-validated predictions,
                                           folds grouped by document ("group" field, else url)
            [--extra C.jsonl[,D.jsonl]]    labelled items that only train (e.g. longer summaries), never scored

        Options:
          --config DIR    configuration directory (default: ./config, else next to the binary; env MONITOR_CONFIG_DIR)
          -h, --help      show this help

        Exit codes: 0 success, 1 failure or invalid configuration, 2 usage error.
        """;

    /// <summary>True for verbs written as two words.</summary>
    public static bool HasSubVerbs(string verb) => verb is "sources" or "db" or "bench";
}
