using Monitor.Worker.Classification;

namespace Monitor.Worker.Digest;

/// <summary>Reader-facing names of the topic ids.</summary>
public static class TopicNames
{
    /// <summary>The group of entries with no topic.</summary>
    public const string OtherGroup = "other";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Topics.Model] = "National models",
        [Topics.Strategy] = "Strategy and policy",
        [Topics.Regulation] = "Regulation",
        [Topics.Investment] = "Investment",
        [Topics.Infrastructure] = "Compute infrastructure",
        [Topics.DataTalent] = "Data and talent",
        [Topics.Safety] = "Safety and evaluation",
        [Topics.Defense] = "Defence and security",
        [OtherGroup] = "Other",
    };

    /// <summary>The name of <paramref name="topic"/> (the id itself when unknown).</summary>
    public static string Of(string topic) => Names.GetValueOrDefault(topic, topic);

    /// <summary>The display order of <paramref name="topic"/> (<see cref="OtherGroup"/> last).</summary>
    public static int Order(string topic)
    {
        for (var i = 0; i < Topics.All.Count; i++)
        {
            if (Topics.All[i] == topic)
            {
                return i;
            }
        }

        return topic == OtherGroup ? int.MaxValue : Topics.All.Count;
    }
}
