namespace Monitor.Worker.Digest;

/// <summary>Announcements and stories a subscriber already had.</summary>
public sealed record DeliveredHistory(IReadOnlySet<long> Announcements, IReadOnlySet<long> Stories)
{
    /// <summary>Nothing delivered yet.</summary>
    public static DeliveredHistory Empty { get; } = new(new HashSet<long>(), new HashSet<long>());
}
