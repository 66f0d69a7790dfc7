using System.Runtime.InteropServices;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// Archive index rows of stored announcements that a crawl pass on SQLite holds back, to write them later in large
/// sorted batches (<see cref="AnnouncementStore.DeferArchiveIndex"/>). Rows change only inside a write transaction, under
/// SQLite's one write lock, just before its commit (<see cref="Stage"/>): a transaction always writes every row held or
/// none, so it either empties the backlog or adds to it. Each row is held compactly (24 bytes: its announcement's id,
/// its term, one string per distinct term, and its date) in one of two lists that take turns, so the backlog allocates
/// nothing once both have grown to its limit.
/// </summary>
internal sealed class ArchiveBacklog
{
    private static readonly Comparison<Entry> HeldOrder = static (x, y) => IndexOrder(x.Term, x.SortAt, y.Term, y.SortAt);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private List<Entry> _entries = [];
    private List<Entry> _spare = [];

    /// <summary>One held row.</summary>
    public readonly record struct Entry(long AnnouncementId, string Term, DateTime SortAt);

    /// <summary>What one transaction staged: the rows it wrote (all that were held, or none) and how many it added.</summary>
    public sealed record Change(List<Entry>? Written, int Added);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The rows held, sorted in the archive index's order (term, date), so consecutive inserts meet the same B-tree pages.
    /// Call it inside a write transaction: only <see cref="Stage"/> and <see cref="Undo"/>, which run under the same lock,
    /// change the rows.
    /// </summary>
    public ReadOnlySpan<Entry> SortedHeld()
    {
        lock (_gate)
        {
            _entries.Sort(HeldOrder);
            return CollectionsMarshal.AsSpan(_entries);
        }
    }

    /// <summary>The archive index's order: term, then date.</summary>
    public static int IndexOrder(string xTerm, DateTime xSortAt, string yTerm, DateTime ySortAt) =>
        string.CompareOrdinal(xTerm, yTerm) is var c and not 0 ? c : xSortAt.CompareTo(ySortAt);

    /// <summary>
    /// Just before a commit: drops every row held when <paramref name="wroteHeld"/> (the transaction wrote them), and holds
    /// <paramref name="added"/> back.
    /// </summary>
    public Change Stage(bool wroteHeld, IReadOnlyList<ArchiveTerm> added)
    {
        lock (_gate)
        {
            List<Entry>? written = null;
            if (wroteHeld)
            {
                written = _entries;
                _entries = _spare;
                _entries.Clear();
                _spare = written;
            }

            _entries.EnsureCapacity(_entries.Count + added.Count);
            foreach (var row in added)
            {
                _entries.Add(new Entry(row.AnnouncementId, Intern(row.Term), row.SortAt));
            }

            if (_entries.Count == 0)
            {
                _terms.Clear();
            }

            return new Change(written, added.Count);
        }
    }

    /// <summary>
    /// After a failed commit: drops the rows added (their announcements were rolled back) and holds the rows written again.
    /// Best effort: should another transaction have staged since, the rows written are lost to the backlog, and the
    /// archive's indexing at the next start writes them.
    /// </summary>
    public void Undo(Change change)
    {
        lock (_gate)
        {
            _entries.RemoveRange(Math.Max(0, _entries.Count - change.Added), Math.Min(change.Added, _entries.Count));
            if (change.Written is { } written && ReferenceEquals(written, _spare))
            {
                _entries.InsertRange(0, written);
            }
        }
    }

    // Terms repeat across rows ("*", a topic, a language, common words): one string each while held.
    private string Intern(string term)
    {
        if (_terms.TryGetValue(term, out var held))
        {
            return held;
        }

        _terms[term] = term;
        return term;
    }
}
