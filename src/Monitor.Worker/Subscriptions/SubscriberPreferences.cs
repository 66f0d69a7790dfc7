using Monitor.Worker.Digest;

namespace Monitor.Worker.Subscriptions;

/// <summary>What a subscriber chose: filters (empty lists mean all) and schedule.</summary>
public sealed record SubscriberPreferences(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages,
    DigestFrequency Frequency = DigestFrequency.Daily,
    int SendHour = 7,
    string TimeZone = "UTC",
    double? MinScore = null)
{
    /// <summary>Everything, daily at 07:00 UTC.</summary>
    public static SubscriberPreferences Default { get; } = new([], [], []);
}
