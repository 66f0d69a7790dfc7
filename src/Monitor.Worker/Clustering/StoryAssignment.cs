namespace Monitor.Worker.Clustering;

/// <summary>Files a batch of new announcements under stories: each joins the first earlier report it matches, stored or
/// earlier in the same batch. Pure.</summary>
public static class StoryAssignment
{
    /// <summary>
    /// For each of <paramref name="batch"/> (in order), the candidate it matches: one of <paramref name="recent"/> (in
    /// id order, as a scan would meet them), else an earlier batch item, whose <see cref="StoryCandidate.AnnouncementId"/>
    /// is then <c>-(index + 1)</c>; null when it opens a story of its own.
    /// </summary>
    public static StoryCandidate?[] Assign(IReadOnlyList<StoryCandidate> batch, IReadOnlyList<StoryCandidate> recent)
    {
        var matches = new StoryCandidate?[batch.Count];
        var earlier = new List<StoryCandidate>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            matches[i] = StoryMatcher.FindMatch(batch[i], recent) ?? StoryMatcher.FindMatch(batch[i], earlier);
            earlier.Add(batch[i] with { AnnouncementId = -(i + 1) });
        }

        return matches;
    }
}
