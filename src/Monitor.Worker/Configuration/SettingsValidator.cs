using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using MailKit.Security;
using Monitor.Worker.Classification;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Configuration;

/// <summary>Binds every settings section and lists every problem (single fields and combinations) at once.</summary>
public static partial class SettingsValidator
{
    private const string File = "settings";

    private static readonly string[] KnownSections = ["Storage", "Crawling", "Scheduling", "Digest", "Smtp", "Web", "Classification"];

    /// <summary>Validates the bound settings in <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<ConfigProblem> Validate(IConfiguration configuration)
    {
        var problems = new List<ConfigProblem>();
        foreach (var section in configuration.GetSection("Monitor").GetChildren().Where(c => !KnownSections.Contains(c.Key)))
        {
            problems.Add(new ConfigProblem(File, "Monitor", section.Key, $"unknown section; expected one of: {string.Join(", ", KnownSections)}"));
        }

        var crawling = Bind<CrawlingOptions>(configuration, CrawlingOptions.SectionName, problems);
        var storage = Bind<StorageOptions>(configuration, StorageOptions.SectionName, problems);
        var digest = Bind<DigestOptions>(configuration, DigestOptions.SectionName, problems);
        var smtp = Bind<SmtpOptions>(configuration, SmtpOptions.SectionName, problems);
        var scheduling = Bind<SchedulingOptions>(configuration, SchedulingOptions.SectionName, problems);
        _ = crawling;

        if (storage is not null && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Monitor")))
        {
            problems.Add(new ConfigProblem(File, "ConnectionStrings", "Monitor", "missing (set ConnectionStrings__Monitor)"));
        }

        if (scheduling is not null)
        {
            CheckCron(scheduling.DefaultCrawlSchedule, $"{SchedulingOptions.SectionName}", "DefaultCrawlSchedule", problems);
            CheckCron(scheduling.DigestSchedule, $"{SchedulingOptions.SectionName}", "DigestSchedule", problems);
        }

        if (smtp is not null)
        {
            CheckSmtp(smtp, problems);
        }

        if (digest is not null)
        {
            CheckSubscribers(digest, problems);
        }

        return problems;
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<ConfigProblem> problems)
        where T : class, new()
    {
        // The binder stops at the first value it cannot convert (or the first unknown key): each is reported, taken out
        // of a copy of the section, and the rest bound again, so every bad value is listed in one pass.
        IConfiguration current = configuration;
        Dictionary<string, string?>? copy = null;
        T options;
        for (var attempt = 0; ; attempt++)
        {
            options = new T();
            try
            {
                current.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
                break;
            }
            catch (InvalidOperationException ex)
            {
                copy ??= configuration.GetSection(section).AsEnumerable()
                    .Where(kv => kv.Value is not null)
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
                var culprits = Culprits($"{ex.Message} {ex.InnerException?.Message}", section, copy);
                var key = culprits.Count == 1 ? culprits[0] : null;
                var field = key is not null && key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) ? key[(section.Length + 1)..] : "";
                problems.Add(new ConfigProblem(File, section, field, ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}"));
                if (culprits.Count == 0 || attempt >= 50)
                {
                    return null;
                }

                foreach (var culprit in culprits)
                {
                    foreach (var k in copy.Keys.Where(k => k.Equals(culprit, StringComparison.OrdinalIgnoreCase)
                        || k.StartsWith(culprit + ":", StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        copy.Remove(k);
                    }
                }

                current = new ConfigurationBuilder().AddInMemoryCollection(copy).Build();
            }
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                problems.Add(new ConfigProblem(File, section, string.Join(",", result.MemberNames), result.ErrorMessage ?? "invalid"));
            }
        }

        return options;
    }

    private static void CheckCron(string cron, string section, string field, List<ConfigProblem> problems)
    {
        if (CronValidator.Check(cron) is { } error)
        {
            problems.Add(new ConfigProblem(File, section, field, error));
        }
    }

    private static void CheckSmtp(SmtpOptions smtp, List<ConfigProblem> problems)
    {
        const string section = SmtpOptions.SectionName;
        if (string.IsNullOrWhiteSpace(smtp.UserName) != string.IsNullOrWhiteSpace(smtp.Password))
        {
            problems.Add(new ConfigProblem(File, section, "UserName/Password", "set both or neither (the password comes from Monitor__Smtp__Password)"));
        }

        // The MailKit FAQ: implicit TLS belongs on 465; 25 and 587 start in plain text and upgrade with STARTTLS.
        if (smtp.Security == SecureSocketOptions.SslOnConnect && smtp.Port is 25 or 587)
        {
            problems.Add(new ConfigProblem(File, section, "Security", $"SslOnConnect on port {smtp.Port} will hang: use StartTls (or port 465)"));
        }

        if (smtp.Port == 465 && smtp.Security is not (SecureSocketOptions.SslOnConnect or SecureSocketOptions.Auto))
        {
            problems.Add(new ConfigProblem(File, section, "Security", $"port 465 expects TLS on connect, not {smtp.Security}: use SslOnConnect (or Auto)"));
        }
    }

    private static void CheckSubscribers(DigestOptions digest, List<ConfigProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < digest.Subscribers.Count; i++)
        {
            var s = digest.Subscribers[i];
            var entry = $"{DigestOptions.SectionName}:Subscribers:{i}";
            void Problem(string field, string message) => problems.Add(new ConfigProblem(File, entry, field, message));

            if (!MailAddress.TryCreate(s.Email, out _))
            {
                Problem("Email", $"'{s.Email}' is not an email address");
            }
            else if (!seen.Add(s.Email))
            {
                Problem("Email", $"duplicate subscriber '{s.Email}'");
            }

            foreach (var topic in s.Topics.Where(t => !Topics.IsKnown(t)))
            {
                Problem("Topics", $"unknown topic '{topic}' (known: {string.Join(", ", Topics.All)})");
            }

            foreach (var country in s.Countries.Where(c => !CountryCodes.IsKnown(c)))
            {
                Problem("Countries", $"unknown country code '{country}' (ISO 3166-1 alpha-2, EU or INT)");
            }

            if (s.MinScore is < 0 or > 1)
            {
                Problem("MinScore", "must be between 0 and 1");
            }

            if (s.SendHour is < 0 or > 23)
            {
                Problem("SendHour", "must be between 0 and 23");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))
            {
                Problem("TimeZone", $"'{s.TimeZone}' is not a known time zone id");
            }
        }
    }

    /// <summary>The full keys a binder error is about: the quoted key path of a conversion error, or the keys of the
    /// section ending in one of the quoted unknown property names.</summary>
    private static List<string> Culprits(string message, string section, Dictionary<string, string?> values)
    {
        var quoted = KeyPath().Matches(message).Select(m => m.Groups[1].Value).ToList();
        var paths = quoted.Where(q => q.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) && values.Keys.Any(k =>
            k.Equals(q, StringComparison.OrdinalIgnoreCase) || k.StartsWith(q + ":", StringComparison.OrdinalIgnoreCase))).ToList();
        if (paths.Count > 0)
        {
            return paths;
        }

        var names = new HashSet<string>(quoted, StringComparer.OrdinalIgnoreCase);
        return values.Keys.Select(k => k.Split(':'))
            .Select(parts => Enumerable.Range(section.Split(':').Length, Math.Max(0, parts.Length - section.Split(':').Length))
                .Where(i => names.Contains(parts[i]))
                .Select(i => string.Join(':', parts[..(i + 1)]))
                .FirstOrDefault())
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex("'([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex KeyPath();
}
