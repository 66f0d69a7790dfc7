using System.Net.Mail;
using Monitor.Worker.Classification;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>The one set of rules for addresses and preferences, shared by configuration, the CLI, CSV import and the
/// web pages. Pure.</summary>
public static class SubscriberRules
{
    /// <summary>Longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The unique key of an address: trimmed and lower-cased.</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Null when <paramref name="email"/> is a usable address, else why not.</summary>
    public static string? CheckEmail(string? email)
    {
        var value = email?.Trim() ?? "";
        if (value.Length == 0)
        {
            return "an email address is required";
        }

        if (value.Length > MaxEmailLength || value.Any(char.IsControl)
            || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || !parsed.Host.Contains('.', StringComparison.Ordinal) && parsed.Host != "localhost")
        {
            return $"'{Shorten(value)}' is not an email address";
        }

        return null;
    }

    /// <summary>Every problem with <paramref name="preferences"/>, as (field, message).</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(SubscriberPreferences preferences)
    {
        var problems = new List<(string, string)>();
        foreach (var topic in preferences.Topics.Where(t => !Topics.IsKnown(t)))
        {
            problems.Add(("Topics", $"unknown topic '{Shorten(topic)}' (known: {string.Join(", ", Topics.All)})"));
        }

        foreach (var country in preferences.Countries.Where(c => !CountryCodes.IsKnown(c)))
        {
            problems.Add(("Countries", $"unknown country code '{Shorten(country)}' (ISO 3166-1 alpha-2, EU or INT)"));
        }

        foreach (var language in preferences.Languages.Where(l => !LanguageChoices.IsWellFormed(l)))
        {
            problems.Add(("Languages", $"'{Shorten(language)}' is not a language tag such as en, ja or pt-BR"));
        }

        if (preferences.MinScore is < 0 or > 1)
        {
            problems.Add(("MinScore", "must be between 0 and 1"));
        }

        if (preferences.SendHour is < 0 or > 23)
        {
            problems.Add(("SendHour", "must be between 0 and 23"));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone, out _))
        {
            problems.Add(("TimeZone", $"'{Shorten(preferences.TimeZone)}' is not a known time zone id (IANA, e.g. Europe/Paris)"));
        }

        if (!Enum.IsDefined(preferences.Frequency))
        {
            problems.Add(("Frequency", "must be daily, weekly or instant"));
        }

        return problems;
    }

    /// <summary>Parses a frequency word (<c>daily</c>, <c>weekly</c>, <c>instant</c>, any case).</summary>
    public static bool TryParseFrequency(string? value, out DigestFrequency frequency) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out frequency) && Enum.IsDefined(frequency) && !int.TryParse(value, out _);

    /// <summary>Splits a list written with commas, semicolons or spaces; topics lower-cased, countries upper-cased.</summary>
    public static List<string> SplitList(string? value, bool upper = false) =>
        (value ?? "").Split([',', ';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => upper ? v.ToUpperInvariant() : v.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Copies <paramref name="preferences"/> onto <paramref name="subscriber"/>.</summary>
    public static void Apply(Subscriber subscriber, SubscriberPreferences preferences)
    {
        subscriber.Topics = string.Join(' ', preferences.Topics);
        subscriber.Countries = string.Join(' ', preferences.Countries);
        subscriber.Languages = string.Join(' ', preferences.Languages);
        subscriber.Frequency = preferences.Frequency;
        subscriber.SendHour = preferences.SendHour;
        subscriber.TimeZone = preferences.TimeZone;
        subscriber.MinScore = preferences.MinScore;
    }

    /// <summary>The preferences stored on <paramref name="subscriber"/>.</summary>
    public static SubscriberPreferences PreferencesOf(Subscriber subscriber) => new(
        SplitList(subscriber.Topics), SplitList(subscriber.Countries, upper: true), SplitList(subscriber.Languages),
        subscriber.Frequency, subscriber.SendHour, subscriber.TimeZone, subscriber.MinScore);

    /// <summary>True when the stored preferences equal <paramref name="preferences"/>.</summary>
    public static bool Same(Subscriber subscriber, SubscriberPreferences preferences)
    {
        var current = PreferencesOf(subscriber);
        return current.Topics.SequenceEqual(preferences.Topics) && current.Countries.SequenceEqual(preferences.Countries)
            && current.Languages.SequenceEqual(preferences.Languages) && current.Frequency == preferences.Frequency
            && current.SendHour == preferences.SendHour && current.TimeZone == preferences.TimeZone && current.MinScore == preferences.MinScore;
    }

    /// <summary>A random token stamp (128 bits, hex).</summary>
    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
