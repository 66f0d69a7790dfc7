using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web;

/// <summary>The preference fields of the subscribe and preferences forms, as posted.</summary>
public sealed class PreferencesInput
{
    public List<string> Topics { get; set; } = [];

    public List<string> Countries { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public string Frequency { get; set; } = "daily";

    public int SendHour { get; set; } = 7;

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The form's values of <paramref name="subscriber"/>.</summary>
    public static PreferencesInput From(Subscriber subscriber)
    {
        var p = SubscriberRules.PreferencesOf(subscriber);
        return new PreferencesInput
        {
            Topics = [.. p.Topics],
            Countries = [.. p.Countries],
            Languages = [.. p.Languages],
            Frequency = SubscriptionDescription.Frequency(p.Frequency),
            SendHour = p.SendHour,
            TimeZone = p.TimeZone,
        };
    }

    /// <summary>The preferences, or the problems as (field, message) for the form.</summary>
    public (SubscriberPreferences? Preferences, IReadOnlyList<(string Field, string Message)> Problems) Validate(double? minScore)
    {
        var problems = new List<(string, string)>();
        if (Topics.Count > 20 || Countries.Count > 300 || Languages.Count > 40)
        {
            problems.Add(("Topics", "too many choices"));
            return (null, problems);
        }

        if (!SubscriberRules.TryParseFrequency(Frequency, out var frequency))
        {
            problems.Add(("Frequency", "Choose daily, weekly or instant."));
        }

        var preferences = new SubscriberPreferences(
            Topics.Select(t => t.Trim()).Distinct().ToList(),
            Countries.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList(),
            Languages.Select(l => l.Trim()).Distinct().ToList(),
            frequency, SendHour, TimeZone?.Trim() ?? "", minScore);
        problems.AddRange(SubscriberRules.Check(preferences));
        return problems.Count == 0 ? (preferences, problems) : (null, problems);
    }

    /// <summary>Pretends <see cref="DigestFrequency"/> names for the radio buttons.</summary>
    public static IReadOnlyList<(string Value, string Label, string Hint)> Frequencies { get; } =
    [
        ("daily", "Daily", "one digest a day, from your send hour"),
        ("weekly", "Weekly", "one digest on Monday, from your send hour"),
        ("instant", "Instant", "only highly relevant items, at most every 15 minutes, at any hour"),
    ];
}
