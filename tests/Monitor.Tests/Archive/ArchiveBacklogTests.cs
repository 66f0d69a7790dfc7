using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Tests.Archive;

/// <summary>The held-back archive rows: what a transaction stages before its commit, and what a failed commit puts back.</summary>
public sealed class ArchiveBacklogTests
{
    private static readonly DateTime Day = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void HeldRowsAreSortedInTheIndexsOrderAndDroppedOnceWritten()
    {
        var backlog = new ArchiveBacklog();
        backlog.Stage(wroteHeld: false, [Row(2, "w:model", 3), Row(1, "w:model", 1), Row(1, "*", 1), Row(3, "c:KR", 2)]);

        Assert.Equal(["*", "c:KR", "w:model", "w:model"], backlog.SortedHeld().ToArray().Select(e => e.Term));
        Assert.Equal([1L, 3, 1, 2], backlog.SortedHeld().ToArray().Select(e => e.AnnouncementId));

        // A transaction that wrote them (and held nothing new) leaves the backlog empty; one that did not keeps them.
        backlog.Stage(wroteHeld: false, []);
        Assert.Equal(4, backlog.Count);
        backlog.Stage(wroteHeld: true, [Row(4, "*", 4)]);
        Assert.Equal([4L], backlog.SortedHeld().ToArray().Select(e => e.AnnouncementId));
    }

    [Fact]
    public void AFailedCommitDropsTheRowsItAddedAndHoldsTheRowsItWroteAgain()
    {
        var backlog = new ArchiveBacklog();
        backlog.Stage(wroteHeld: false, [Row(1, "*", 1), Row(2, "*", 2)]);

        // This transaction wrote the two held rows and held back the rows of its own announcements, then its commit failed:
        // its announcements are gone, and the two rows are not in the database.
        var change = backlog.Stage(wroteHeld: true, [Row(3, "*", 3), Row(3, "c:JP", 3)]);
        backlog.Undo(change);

        Assert.Equal([1L, 2], backlog.SortedHeld().ToArray().Select(e => e.AnnouncementId));
    }

    [Fact]
    public void OneStringIsHeldPerDistinctTerm()
    {
        var backlog = new ArchiveBacklog();
        backlog.Stage(wroteHeld: false, [Row(1, new string("w:model".AsSpan()), 1), Row(2, new string("w:model".AsSpan()), 2)]);

        var held = backlog.SortedHeld().ToArray();
        Assert.Same(held[0].Term, held[1].Term);
    }

    private static ArchiveTerm Row(long id, string term, int day) => new() { AnnouncementId = id, Term = term, SortAt = Day.AddDays(day) };
}
