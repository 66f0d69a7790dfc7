namespace Monitor.Worker.Cli;

/// <summary>The usage text (the verbs themselves are in <see cref="CliVerbs"/>).</summary>
public static class CliSpec
{
    /// <summary>The usage text: every verb (<c>--help</c> at the root; a usage error outside any verb).</summary>
    public const string Usage = """
        Monitor — watches governments and news outlets for national LLM and AI policy announcements.

        Usage: Monitor.Worker [verb] [options]      (dotnet run --project src/Monitor.Worker -c Release -- <verb>)

        Verbs:
          run                              the worker: scheduled crawling and digests, health endpoints (default)
          demo                             offline end to end: serve the bundled sample site on loopback, crawl,
                                           classify, store in a fresh SQLite file, write digests to data/outbox/
          crawl [--source ID] [--once]     one crawl pass now (all enabled sources, or one), with a summary table
          digest [--dry-run] [--to EMAIL] [--out DIR]
                                           compose and send the digests that are due (--dry-run prints the text
                                           part and writes the HTML to DIR, default data/preview; --to limits the
                                           run to one subscriber and ignores the send hour)
          sources check                    validate the configuration; exit 1 listing every problem
          sources test ID [--items N]      fetch one source now and show what would be extracted and classified
          sources list                     every source with its crawl state
          sources coverage [--format text|markdown] [--readme FILE]
                                           what is watched, country by country, with the evidence and the known gaps;
                                           --readme rewrites the table between FILE's coverage markers
          db migrate                       apply database migrations and exit
          db vacuum                        SQLite: give the space freed by retention back to the file system
          subscribers add EMAIL [--topics T,T] [--countries CC,CC] [--languages L,L] [--frequency daily|weekly|instant]
                [--send-hour H] [--time-zone ZONE] [--min-score S] [--name NAME] [--confirmed]
                                           add or update a subscriber (without --confirmed: pending, confirmation mailed)
          subscribers remove EMAIL         delete a subscriber and their delivery history
          subscribers list [--status S]    every subscriber as a table
          subscribers import FILE.csv      add or update subscribers from CSV (bad rows listed by line, good ones kept)
          subscribers export [--out FILE]  every subscriber as CSV (standard output without --out)
          extract --in-dir DIR --out-dir OUT        extract articles from NAME.html[.gz] files to NAME.json
          classify --in FILE.jsonl --out FILE.jsonl classify announcements (one JSON object per line)
          parse-feed --in-dir DIR --out-dir OUT     parse every feed file to JSON
          bench extract --in-dir DIR [--rounds N]   extraction speed and peak memory
          bench classify --in FILE.jsonl            classification speed
          bench digest [--subscribers N] [--announcements N]   compose and send every due digest to a loopback SMTP
                                           server (defaults 10000 and 300): messages/s, peak memory, queries
          bench crawl [--feeds N] [--items K] [--hosts H] [--articles] [--work-dir DIR]
                                           crawl benchmark on a loopback farm: three passes of the real crawl verb
          bench replicas --connection PG [--replicas 1,2] [--feeds N] [--items K] [--hosts H]
                                           the crawl benchmark's first pass on PostgreSQL by 1 and 2 clustered workers
          bench store [--stored N] [--adds M]       time to add one announcement to a store holding N
          bench archive [--announcements N] [--page-size N]   archive listings on a fresh SQLite file (defaults
                                           100000 and 20): time and commands per request, query plans
          classify-train --in A.jsonl[,B.jsonl] --out MODEL.json   train the statistical classifier layer
          classify-train --in A.jsonl[,B.jsonl] --cv K --out PREDICTIONS.jsonl   K-fold cross-validated predictions,
                                           folds grouped by document ("group" field, else url)
            [--extra C.jsonl[,D.jsonl]]    labelled items that only train (e.g. longer summaries), never scored
          completion bash|zsh|fish|pwsh    print a shell completion script (eval "$(Monitor.Worker completion bash)")

        Options:
          --config DIR    configuration directory (default: ./config, else next to the binary; env MONITOR_CONFIG_DIR)
          --verbose       (crawl) log each step and show the stack trace of a failure
          -h, --help      show this help; VERB --help shows the verb's options (e.g. crawl --help)

        Exit codes: 0 success, 1 failure or invalid configuration, 2 usage error.
        """;
}
