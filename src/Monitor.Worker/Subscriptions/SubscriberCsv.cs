using System.Globalization;
using CsvHelper;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// The CSV format of <c>subscribers import</c> and <c>export</c> (RFC 4180, UTF-8, a header row). Columns:
/// <c>email,name,status,frequency,topics,countries,languages,send_hour,time_zone,min_score</c>; only <c>email</c> is
/// required; lists are separated by spaces or semicolons. Reading keeps every good row and reports each bad one with its
/// line number. Pure apart from the reader and writer it is given.
/// </summary>
public static class SubscriberCsv
{
    /// <summary>The header written by <see cref="WriteAsync"/>.</summary>
    public static readonly string[] Columns = ["email", "name", "status", "frequency", "topics", "countries", "languages", "send_hour", "time_zone", "min_score"];

    /// <summary>Most rows read from one file.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>One good row.</summary>
    public sealed record Row(int Line, string Email, string? Name, SubscriberStatus Status, SubscriberPreferences Preferences);

    /// <summary>Reads <paramref name="reader"/>: the good rows, and a problem per bad row (<c>line N: ...</c>).</summary>
    public static (List<Row> Rows, List<string> Problems) Read(TextReader reader)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        using var csv = CsvReader.Create(reader, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        }, false);
        string[] header;
        try
        {
            header = [.. csv.Headers];
        }
        catch (CsvFormatException ex)
        {
            problems.Add($"line 1: the header cannot be read: {ex.Message}");
            return (rows, problems);
        }

        if (header.Length == 0)
        {
            problems.Add("line 1: the file is empty (expected a header row with at least 'email')");
            return (rows, problems);
        }

        var names = header.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        if (!names.Contains("email"))
        {
            problems.Add($"line 1: no 'email' column in the header ({string.Join(", ", header)})");
            return (rows, problems);
        }

        foreach (var unknown in names.Where(n => !Columns.Contains(n)))
        {
            problems.Add($"line 1: unknown column '{unknown}' ignored (known: {string.Join(", ", Columns)})");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (rows.Count + problems.Count >= MaxRows)
            {
                problems.Add($"line {line}: stopped after {MaxRows} rows");
                break;
            }

            string Field(string name) => names.IndexOf(name) is var i && i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            var email = Field("email");
            if (email.Length == 0 && Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i))))
            {
                continue;
            }

            var errors = new List<string>();
            if (SubscriberRules.CheckEmail(email) is { } emailProblem)
            {
                errors.Add(emailProblem);
            }
            else if (seen.TryGetValue(SubscriberRules.Key(email), out var first))
            {
                errors.Add($"'{email}' repeats line {first}");
            }

            var status = SubscriberStatus.Active;
            if (Field("status") is { Length: > 0 } statusText && (!Enum.TryParse(statusText, ignoreCase: true, out status) || int.TryParse(statusText, out _)))
            {
                errors.Add($"status '{statusText}' is not active, pending, unsubscribed or bouncing");
            }

            var frequency = DigestFrequency.Daily;
            if (Field("frequency") is { Length: > 0 } frequencyText && !SubscriberRules.TryParseFrequency(frequencyText, out frequency))
            {
                errors.Add($"frequency '{frequencyText}' is not daily, weekly or instant");
            }

            var sendHour = 7;
            if (Field("send_hour") is { Length: > 0 } hourText && !int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out sendHour))
            {
                errors.Add($"send_hour '{hourText}' is not a whole hour 0-23");
                sendHour = 7;
            }

            double? minScore = null;
            if (Field("min_score") is { Length: > 0 } scoreText)
            {
                if (double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    minScore = score;
                }
                else
                {
                    errors.Add($"min_score '{scoreText}' is not a number");
                }
            }

            var zone = Field("time_zone") is { Length: > 0 } z ? z : "UTC";
            var preferences = new SubscriberPreferences(SubscriberRules.SplitList(Field("topics")), SubscriberRules.SplitList(Field("countries"), upper: true),
                SubscriberRules.SplitList(Field("languages")).Select(Language).ToList(), frequency, sendHour, zone, minScore);
            errors.AddRange(SubscriberRules.Check(preferences).Select(p => p.Message));
            if (errors.Count > 0)
            {
                problems.Add($"line {line}: {string.Join("; ", errors)}");
                continue;
            }

            seen[SubscriberRules.Key(email)] = line;
            var name = Field("name");
            rows.Add(new Row(line, email, name.Length == 0 ? null : name[..Math.Min(name.Length, 200)], status, preferences));
        }

        return (rows, problems);
    }

    /// <summary>Writes the header and one row per subscriber.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        csv.WriteHeader(Columns);
        await foreach (var s in subscribers.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                s.Email, s.Name ?? "", s.Status.ToString().ToLowerInvariant(), s.Frequency.ToString().ToLowerInvariant(), s.Topics, s.Countries, s.Languages,
                s.SendHour.ToString(CultureInfo.InvariantCulture), s.TimeZone, s.MinScore?.ToString(CultureInfo.InvariantCulture) ?? "",
            ], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    // Language tags keep their region's case (pt-BR).
    private static string Language(string tag) => tag.Contains('-', StringComparison.Ordinal) ? tag[..tag.IndexOf('-', StringComparison.Ordinal)] + tag[tag.IndexOf('-', StringComparison.Ordinal)..].ToUpperInvariant() : tag;
}
