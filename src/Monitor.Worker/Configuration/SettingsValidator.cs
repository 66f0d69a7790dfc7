using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MailKit.Security;
using Monitor.Worker.Classification;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Storage;
using Monitor.Worker.Subscriptions;
using Monitor.Worker.Web;

namespace Monitor.Worker.Configuration;

/// <summary>Binds every settings section and lists every problem (single fields and combinations) at once.</summary>
public static partial class SettingsValidator
{
    private static readonly string[] KnownSections = ["Storage", "Crawling", "Scheduling", "Digest", "Smtp", "Web", "Classification", "Limits", "Subscriptions", "Observability", "Alerts", "Retention"];

    /// <summary>Validates the bound settings in <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<ConfigProblem> Validate(IConfiguration configuration)
    {
        var problems = new List<ConfigProblem>();
        string From(string key) => SettingSources.Describe(configuration, key);
        foreach (var section in configuration.GetSection("Monitor").GetChildren().Where(c => !KnownSections.Contains(c.Key)))
        {
            problems.Add(new ConfigProblem(From(section.Path), "Monitor", section.Key, $"unknown section; expected one of: {string.Join(", ", KnownSections)}"));
        }

        var crawling = Bind<CrawlingOptions>(configuration, CrawlingOptions.SectionName, problems);
        var storage = Bind<StorageOptions>(configuration, StorageOptions.SectionName, problems);
        var digest = Bind<DigestOptions>(configuration, DigestOptions.SectionName, problems);
        var smtp = Bind<SmtpOptions>(configuration, SmtpOptions.SectionName, problems);
        var scheduling = Bind<SchedulingOptions>(configuration, SchedulingOptions.SectionName, problems);
        var web = Bind<WebOptions>(configuration, WebOptions.SectionName, problems);
        Bind<ConfigurationLimits>(configuration, ConfigurationLimits.SectionName, problems);
        var subscriptions = Bind<SubscriptionOptions>(configuration, SubscriptionOptions.SectionName, problems);

        var connectionString = configuration.GetConnectionString("Monitor");
        if (storage is not null && string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add(new ConfigProblem(From("ConnectionStrings:Monitor"), "ConnectionStrings", "Monitor", "missing (set ConnectionStrings__Monitor)"));
        }
        else if (storage is { Provider: DatabaseProvider.Sqlite } && DatabaseLocation.CheckSqlite(connectionString!) is { } databaseProblem)
        {
            problems.Add(new ConfigProblem(From("ConnectionStrings:Monitor"), "ConnectionStrings", "Monitor", databaseProblem));
        }

        if (crawling is not null)
        {
            CheckNetworks(crawling, From, problems);
        }

        if (web is not null && WebOptions.CheckUrls(web.Urls) is { } urlProblem)
        {
            problems.Add(new ConfigProblem(From($"{WebOptions.SectionName}:Urls"), WebOptions.SectionName, "Urls", urlProblem));
        }

        if (scheduling is not null)
        {
            CheckCron(scheduling.DefaultCrawlSchedule, $"{SchedulingOptions.SectionName}", "DefaultCrawlSchedule", From, problems);
            CheckCron(scheduling.DigestSchedule, $"{SchedulingOptions.SectionName}", "DigestSchedule", From, problems);
        }

        if (smtp is not null)
        {
            CheckSmtp(smtp, From, problems);
        }

        if (digest is not null)
        {
            CheckSubscribers(digest, From, problems);
        }

        if (subscriptions is not null)
        {
            CheckSubscriptions(subscriptions, From, problems);
        }

        CheckOperations(configuration, crawling, From, problems);

        return problems;
    }

    private static void CheckNetworks(CrawlingOptions crawling, Func<string, string> from, List<ConfigProblem> problems)
    {
        for (var i = 0; i < crawling.AllowedNetworks.Count; i++)
        {
            var entry = crawling.AllowedNetworks[i];
            if (!System.Net.IPNetwork.TryParse(entry.Trim(), out _))
            {
                problems.Add(new ConfigProblem(from($"{CrawlingOptions.SectionName}:AllowedNetworks:{i}"), CrawlingOptions.SectionName, $"AllowedNetworks:{i}",
                    $"'{entry}' is not a network in CIDR notation (such as 127.0.0.0/8 or 10.20.0.0/16)"));
            }
        }
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<ConfigProblem> problems)
        where T : class, new()
    {
        // The binder stops at the first unknown key or unconvertible value, and names an unknown key without its path.
        // So unknown keys are found first by walking the section against T's properties, and values the binder cannot
        // convert are then reported one at a time; each is taken out of a copy of the section and the rest bound again,
        // so every bad value is listed in one pass.
        var values = configuration.GetSection(section).AsEnumerable()
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        // Monitor__X_FILE also reaches the environment provider as the key X_FILE: the secret-files provider read it.
        bool IsSecretFile(string path) => path.EndsWith("_FILE", StringComparison.OrdinalIgnoreCase) && configuration[path[..^5]] is not null;
        foreach (var path in values.Keys.Where(IsSecretFile).ToList())
        {
            values.Remove(path);
        }

        foreach (var (path, owner) in UnknownKeys(configuration.GetSection(section), typeof(T)).Where(u => !IsSecretFile(u.Path)))
        {
            var known = owner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
            problems.Add(new ConfigProblem(SettingSources.Describe(configuration, path), section, path[(section.Length + 1)..],
                $"unknown key; expected one of: {string.Join(", ", known)}"));
            Remove(values, path);
        }

        T options;
        for (var attempt = 0; ; attempt++)
        {
            options = new T();
            try
            {
                new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(section)
                    .Bind(options, o => o.ErrorOnUnknownConfiguration = true);
                break;
            }
            catch (InvalidOperationException ex)
            {
                var message = ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}";
                var path = ConversionPath().Match(message) is { Success: true } m ? m.Groups["path"].Value : null;
                var known = path is not null && path.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) && values.ContainsKey(path);
                problems.Add(new ConfigProblem(
                    SettingSources.Describe(configuration, known ? path! : section), section, known ? path![(section.Length + 1)..] : "",
                    known ? Expected(values[path!], ConversionType().Match(message).Groups["type"].Value) : message));
                if (!known || attempt >= 100)
                {
                    return null;
                }

                Remove(values, path!);
            }
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                var member = string.Join(",", result.MemberNames);
                problems.Add(new ConfigProblem(SettingSources.Describe(configuration, $"{section}:{member}"), section, member, result.ErrorMessage ?? "invalid"));
            }
        }

        return options;
    }

    /// <summary>What a value should have been, in words: "'abc' is not a whole number", "'Postgres' is not one of: ...".</summary>
    private static string Expected(string? value, string typeName)
    {
        var type = Type.GetType(typeName) ?? typeof(SettingsValidator).Assembly.GetType(typeName);
        var expected = type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a duration (hh:mm:ss)",
            { IsEnum: true } => "one of: " + string.Join(", ", Enum.GetNames(type)),
            _ => $"a value of type {typeName}",
        };
        return $"'{value}' is not {expected}";
    }

    private static void CheckCron(string cron, string section, string field, Func<string, string> from, List<ConfigProblem> problems)
    {
        if (CronValidator.Check(cron) is { } error)
        {
            problems.Add(new ConfigProblem(from($"{section}:{field}"), section, field, error));
        }
    }

    private static void CheckSmtp(SmtpOptions smtp, Func<string, string> from, List<ConfigProblem> problems)
    {
        const string section = SmtpOptions.SectionName;
        void Problem(string field, string message, string? key = null) => problems.Add(new ConfigProblem(from($"{section}:{key ?? field}"), section, field, message));
        if (string.IsNullOrWhiteSpace(smtp.UserName) != string.IsNullOrWhiteSpace(smtp.Password))
        {
            // Named after the one that is set: that is where the reader has to look.
            Problem("UserName/Password", "set both or neither (the password comes from Monitor__Smtp__Password)", string.IsNullOrWhiteSpace(smtp.UserName) ? "Password" : "UserName");
        }

        // The MailKit FAQ: implicit TLS belongs on 465; 25 and 587 start in plain text and upgrade with STARTTLS.
        if (smtp.Security == SecureSocketOptions.SslOnConnect && smtp.Port is 25 or 587)
        {
            Problem("Security", $"SslOnConnect on port {smtp.Port} will hang: use StartTls (or port 465)");
        }

        if (smtp.Port == 465 && smtp.Security is not (SecureSocketOptions.SslOnConnect or SecureSocketOptions.Auto))
        {
            Problem("Security", $"port 465 expects TLS on connect, not {smtp.Security}: use SslOnConnect (or Auto)");
        }

        // A password over an unencrypted connection crosses the network in clear: only a relay on this machine may take it.
        if (smtp.Security == SecureSocketOptions.None && !string.IsNullOrWhiteSpace(smtp.UserName) && !string.IsNullOrWhiteSpace(smtp.Host) && !SmtpOptions.IsLoopbackHost(smtp.Host))
        {
            Problem("Security", $"None with a user name and password would send the password in clear to {smtp.Host}: use StartTls or SslOnConnect (None with credentials is accepted for a relay on this machine only)");
        }
    }

    private static void CheckSubscribers(DigestOptions digest, Func<string, string> from, List<ConfigProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < digest.Subscribers.Count; i++)
        {
            var s = digest.Subscribers[i];
            var entry = $"{DigestOptions.SectionName}:Subscribers:{i}";
            void Problem(string field, string message) => problems.Add(new ConfigProblem(from($"{entry}:{field}"), entry, field, message));

            if (SubscriberRules.CheckEmail(s.Email) is { } emailProblem)
            {
                Problem("Email", emailProblem);
            }
            else if (!seen.Add(s.Email.Trim()))
            {
                Problem("Email", $"duplicate subscriber '{s.Email}'");
            }

            var preferences = new SubscriberPreferences(s.Topics, s.Countries, s.Languages, s.Frequency, s.SendHour, s.TimeZone, s.MinScore);
            foreach (var (field, message) in SubscriberRules.Check(preferences))
            {
                Problem(field, message);
            }
        }
    }

    private static void CheckSubscriptions(SubscriptionOptions options, Func<string, string> from, List<ConfigProblem> problems)
    {
        const string section = SubscriptionOptions.SectionName;
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problems.Add(new ConfigProblem(from($"{section}:PublicBaseUrl"), section, "PublicBaseUrl", $"'{options.PublicBaseUrl}' is not an http(s) address without query (e.g. https://monitor.example.org/)"));
        }

        if (!string.IsNullOrWhiteSpace(options.UnsubscribeMailbox) && SubscriberRules.CheckEmail(options.UnsubscribeMailbox) is { } mailbox)
        {
            problems.Add(new ConfigProblem(from($"{section}:UnsubscribeMailbox"), section, "UnsubscribeMailbox", mailbox));
        }

        if (!string.IsNullOrWhiteSpace(options.ListId) && !System.Text.RegularExpressions.Regex.IsMatch(options.ListId, @"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+\.[A-Za-z0-9.-]+$"))
        {
            problems.Add(new ConfigProblem(from($"{section}:ListId"), section, "ListId", $"'{options.ListId}' is not a list identifier such as digest.monitor.example.org (RFC 2919)"));
        }
    }

    /// <summary>Keys of <paramref name="section"/> that no property of <paramref name="type"/> (or of the types below it)
    /// takes, each with the type that lacks it.</summary>
    private static IEnumerable<(string Path, Type Owner)> UnknownKeys(IConfigurationSection section, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsPrimitive || target.IsEnum || target == typeof(string) || target == typeof(decimal) || target == typeof(TimeSpan)
            || target == typeof(DateTime) || target == typeof(DateTimeOffset) || target == typeof(Uri) || target == typeof(Guid))
        {
            yield break;
        }

        var element = target.IsArray ? target.GetElementType()
            : target.IsGenericType && target.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ? target.GetGenericArguments()[0]
                : null;
        foreach (var child in section.GetChildren())
        {
            var childType = element ?? target.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (childType is null)
            {
                yield return (child.Path, target);
                continue;
            }

            foreach (var unknown in UnknownKeys(child, childType))
            {
                yield return unknown;
            }
        }
    }

    private static void Remove(Dictionary<string, string?> values, string path)
    {
        foreach (var key in values.Keys.Where(k => k.Equals(path, StringComparison.OrdinalIgnoreCase)
            || k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            values.Remove(key);
        }
    }

    // .NET's message: "Failed to convert configuration value 'VALUE' at 'PATH' to type 'TYPE'." — the value may itself
    // hold quotes, so the path is found by what follows it.
    [System.Text.RegularExpressions.GeneratedRegex(" at '(?<path>[^']+)' to type '")]
    private static partial System.Text.RegularExpressions.Regex ConversionPath();

    [System.Text.RegularExpressions.GeneratedRegex(" to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex ConversionType();
}
