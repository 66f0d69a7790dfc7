using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>A subscription described in a sentence, for the digest footer and the pages. Pure.</summary>
public static class SubscriptionDescription
{
    /// <summary>Completes "You receive this because …".</summary>
    public static string Reason(Subscriber subscriber)
    {
        var who = subscriber.Origin == SubscriberOrigin.Web
            ? $"{subscriber.Email} subscribed"
            : $"{subscriber.Email} was added by the list's operators";
        return $"{who} to {Frequency(subscriber.Frequency)} Monitor digests on {Filters(SubscriberRules.PreferencesOf(subscriber))}";
    }

    /// <summary>"daily", "weekly" or "instant".</summary>
    public static string Frequency(DigestFrequency frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary>The filters in words: "Regulation and Investment, in Japan, in any language" or "all topics, all countries".</summary>
    public static string Filters(SubscriberPreferences preferences)
    {
        var topics = preferences.Topics.Count == 0 ? "all topics" : And(preferences.Topics.Select(TopicNames.Of));
        var countries = preferences.Countries.Count == 0 ? "all countries" : "news about " + And(preferences.Countries.Select(CountryNames.Of));
        var languages = preferences.Languages.Count == 0 ? "" : ", in " + And(preferences.Languages.Select(LanguageChoices.Name));
        return $"{topics}, {countries}{languages}";
    }

    private static string And(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
