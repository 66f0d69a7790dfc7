namespace Monitor.Worker.Status;

/// <summary>What the status page shows, in words for ops: every value already safe to show (no secret is in it).</summary>
public sealed record StatusReport(
    IReadOnlyList<SourceStatus> Sources,
    IReadOnlyList<RecentAnnouncement> Announcements,
    IReadOnlyList<(string Status, int Count)> Subscribers,
    IReadOnlyList<DeliveryStatus> Deliveries,
    IReadOnlyList<DeliveryStatus> Failures,
    IReadOnlyList<(string Setting, string Value)> Configuration,
    DateTime GeneratedAt);

/// <summary>One configured source: its health in a few words and its last outcome.</summary>
public sealed record SourceStatus(string Id, string Name, string Country, string Health, bool Problem, string? LastOutcome,
    DateTime? LastAttemptAt, DateTime? LastSuccessAt, int ConsecutiveFailures, string? LastError, DateTime? NextAttemptAt, int ItemsStored);

/// <summary>One recently stored announcement with its classification and why it was (or was not) relevant.</summary>
public sealed record RecentAnnouncement(long Id, long? StoryId, string Title, string Url, string Source, DateTime FetchedAt, bool Relevant, double Score,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Countries, IReadOnlyList<string> Models, string Verdict, string Why);

/// <summary>One digest delivery.</summary>
public sealed record DeliveryStatus(long Id, string Subscriber, string Period, string State, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError);
