namespace Monitor.Worker.Clustering;

/// <summary>How a batch is filed under stories (see <see cref="StoryAssignment.Plan"/>).</summary>
/// <param name="Groups">For each batch item, its group: items of one group are one story.</param>
/// <param name="StoredMatches">For each group, the stored reports its items match.</param>
public sealed record StoryPlan(int[] Groups, IReadOnlyDictionary<int, IReadOnlyList<StoryCandidate>> StoredMatches)
{
    /// <summary>The story a group joins: the oldest stored story among its matches, or null for a new story.</summary>
    public long? StoryOf(int group) => StoredMatches[group].Select(c => c.StoryId).Where(s => s is not null).Min();

    /// <summary>The other stored stories the group's matches belong to: merged into <see cref="StoryOf"/>.</summary>
    public IEnumerable<long> StoriesToMerge(int group) =>
        StoredMatches[group].Select(c => c.StoryId).OfType<long>().Distinct().Where(s => s != StoryOf(group));

    /// <summary>Stored reports without a story that the group's story takes in.</summary>
    public IEnumerable<long> StorylessToAdopt(int group) =>
        StoredMatches[group].Where(c => c.StoryId is null).Select(c => c.AnnouncementId);
}
