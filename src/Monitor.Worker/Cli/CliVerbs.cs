using Monitor.Worker.Classification;

namespace Monitor.Worker.Cli;

/// <summary>Every verb with its options and argument: the command line's contract (pinned by <c>CliContractTests</c>).
/// A new verb is one entry here and one line in <see cref="CliApplication"/>'s dispatch.</summary>
public static class CliVerbs
{
    private static readonly CliOption Config = new("config", "DIR", "configuration directory (default: ./config, else next to the binary; env MONITOR_CONFIG_DIR)");
    private static readonly CliOption Taxonomy = new("taxonomy", "FILE", "taxonomy file (default: taxonomy.yaml in the configuration directory)");
    private static readonly CliOption InDir = new("in-dir", "DIR", "input directory", Required: true);
    private static readonly CliOption OutDir = new("out-dir", "OUT", "output directory (created when missing)", Required: true);

    /// <summary>Subscriber statuses, as <c>subscribers list --status</c> takes them.</summary>
    public static readonly string[] Statuses = ["active", "pending", "unsubscribed", "bouncing"];

    /// <summary>The shells <c>completion</c> writes a script for.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    /// <summary>All verbs, in the order of the usage text.</summary>
    public static readonly IReadOnlyList<CliVerb> All =
    [
        new("run", "the worker: scheduled crawling and digests, web endpoints (the default verb)", [Config]),
        new("demo", "offline end to end: serve the bundled sample site on loopback, crawl, classify, store in a fresh SQLite file, write digests to data/outbox/", [Config]),
        new("crawl", "one crawl pass now (all enabled sources, or one ignoring its backoff), with progress and a summary table",
            [Config, new("source", "ID", "crawl only this source, even when it is backing off"), CliOption.Flag("once", "one pass (the default; accepted for clarity)"),
             CliOption.Flag("verbose", "log each step (information level) and show stack traces of failures")]),
        new("digest", "compose and send the digests that are due",
            [Config, CliOption.Flag("dry-run", "record nothing: print each text part and write each HTML part to the --out directory"),
             new("to", "EMAIL", "only this subscriber (any status with --dry-run), ignoring their send hour"),
             new("out", "DIR", "where --dry-run writes digest-<address>.html (default data/preview)")]),
        new("sources check", "validate settings, sources.yaml and taxonomy.yaml; exit 1 listing every problem", [Config]),
        new("sources test", "fetch one source now and show how it was read, its first items, their extraction and classification; stores nothing",
            [Config, CliOption.Number("items", "items to show (default 5)")], "ID", "source id"),
        new("sources list", "every source with its stored state: last outcome, last success, consecutive failures, last error", [Config]),
        new("sources coverage", "what is watched, country by country, with the evidence and the known gaps",
            [Config, new("format", "FORMAT", "text (default) or markdown", CliValue.Choice, Choices: ["text", "markdown"]),
             new("readme", "FILE", "rewrite the table between FILE's coverage markers")]),
        new("db migrate", "apply database migrations and exit", [Config]),
        new("db vacuum", "SQLite: rebuild the database file to return the space freed by retention (VACUUM); SQL Server and PostgreSQL: nothing to do (they reuse freed pages)", [Config]),
        new("subscribers add", "add or update a subscriber (without --confirmed: pending, and the confirmation mail is sent); exit 1 listing every bad value",
            [Config, new("topics", "T,T", "topics (empty: all)", Choices: Topics.All),
             new("countries", "CC,CC", "ISO 3166-1 alpha-2 codes, EU or INT (empty: all)"),
             new("languages", "L,L", "ISO 639-1 codes (empty: all)"),
             new("frequency", "FREQUENCY", "daily (default), weekly or instant", Choices: ["daily", "weekly", "instant"]),
             new("send-hour", "H", "local hour the digest is due from, 0-23 (default 7)"),
             new("time-zone", "ZONE", "IANA time zone (default UTC)"),
             new("min-score", "S", "lowest relevance score sent, 0-1 (default: Monitor:Digest:MinScore)"),
             new("name", "NAME", "the subscriber's name"),
             CliOption.Flag("confirmed", "active at once, no confirmation mail")], "EMAIL", "email address"),
        new("subscribers remove", "delete a subscriber and their delivery history (exit 1 when there is none)", [Config], "EMAIL", "email address"),
        new("subscribers list", "every subscriber as a table, with counts by status",
            [Config, new("status", "STATUS", "only this status: active, pending, unsubscribed or bouncing", Choices: Statuses)]),
        new("subscribers import", "add or update subscribers from CSV (bad rows listed by line, good ones kept; exit 1 when any row was bad)", [Config], "FILE.csv", "CSV file"),
        new("subscribers export", "every subscriber as CSV (standard output without --out)", [Config, new("out", "FILE", "write the CSV to FILE")]),
        new("extract", "extract articles from NAME.html[.gz] files to NAME.json (docs/contracts.md)", [InDir, OutDir]),
        new("classify", "classify announcements, one JSON object per line (docs/contracts.md)",
            [new("in", "FILE.jsonl", "input lines {id,title,text,url?,lang?,sourceCountry?}", Required: true),
             new("out", "FILE.jsonl", "output lines {id,relevant,score,topics,countries,models,reasons}", Required: true), Config, Taxonomy]),
        new("parse-feed", "parse every feed file to JSON (docs/contracts.md)", [InDir, OutDir]),
        new("bench extract", "extraction speed and peak memory", [InDir, CliOption.Number("rounds", "rounds over the directory (default 10)")]),
        new("bench classify", "classification speed on one thread", [new("in", "FILE.jsonl", "items to classify", Required: true), Config, Taxonomy]),
        new("bench digest", "compose and send every due digest to a loopback SMTP server: messages/s, peak memory, queries",
            [CliOption.Number("subscribers", "subscribers to create (default 10000)"), CliOption.Number("announcements", "announcements to create (default 300)"), Config]),
        new("bench crawl", "the crawl benchmark: a loopback farm of feeds, then three passes of the real crawl verb and one over no sources (start-up alone)",
            [Config, CliOption.Number("feeds", "feeds in the farm (default 1000)"), CliOption.Number("items", "items per feed (default 20)"),
             CliOption.Number("hosts", "loopback host names the feeds are spread over (default 50)"),
             CliOption.Flag("articles", "also fetch and extract each new item's page"),
             new("work-dir", "DIR", "where the run's configuration and database go (default: a temporary directory)")]),
        new("bench replicas", "the crawl benchmark's first pass on PostgreSQL by one and by two clustered workers: items/s and duplicate fetches",
            [Config, new("connection", "PG", "PostgreSQL connection string of a database the benchmark may empty", Required: true),
             new("replicas", "1,2", "replica counts to run, comma-separated (default 1,2)"),
             CliOption.Number("feeds", "feeds in the farm (default 1000)"), CliOption.Number("items", "items per feed (default 20)"),
             CliOption.Number("hosts", "loopback host names the feeds are spread over (default 50)"),
             new("work-dir", "DIR", "where the runs' configuration goes (default: a temporary directory)")]),
        new("bench store", "time to add one announcement to a SQLite store already holding N",
            [CliOption.Number("stored", "announcements stored first (default 100000)"), CliOption.Number("adds", "announcements added and timed (default 200)"),
             new("work-dir", "DIR", "where the database goes (default: a temporary directory)")]),
        new("bench archive", "archive listings on a fresh SQLite file: time per page and query plans",
            [CliOption.Number("announcements", "announcements stored first (default 100000)"), CliOption.Number("page-size", "announcements per page (default 20)")]),
        new("classify-train", "train the classifier's statistical layer (--cv K: K-fold cross-validated predictions instead, folds grouped by document)",
            [new("in", "A.jsonl[,B.jsonl]", "labelled items", Required: true), new("out", "FILE", "MODEL.json, or PREDICTIONS.jsonl with --cv", Required: true),
             Config, Taxonomy, CliOption.Number("cv", "write K-fold cross-validated predictions instead of a model", minimum: 2),
             new("extra", "C.jsonl[,D.jsonl]", "labelled items that only train (e.g. longer summaries), never scored")]),
        new("completion", "print the shell completion script for SHELL (bash, zsh, fish or pwsh); see the README", [], "SHELL", "shell name"),
    ];

    /// <summary>The verb called <paramref name="name"/> (e.g. <c>sources test</c>), or null.</summary>
    public static CliVerb? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>True when some verb takes <c>--name</c>.</summary>
    public static bool IsKnownOption(string name) => All.Any(v => v.Option(name) is not null);

    /// <summary>True when some verb's <c>--name</c> takes a value.</summary>
    public static bool TakesValue(string name) => All.Any(v => v.Option(name) is { IsFlag: false });
}
