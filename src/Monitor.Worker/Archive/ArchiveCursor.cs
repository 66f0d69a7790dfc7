using System.Globalization;

namespace Monitor.Worker.Archive;

/// <summary>Where a page of a listing ends: the next page starts strictly after this entry (newest first).</summary>
public readonly record struct ArchiveCursor(DateTime SortAt, long AnnouncementId)
{
    /// <summary>The cursor in a query string: <c>ticks-id</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SortAt.Ticks}-{AnnouncementId}");

    /// <summary>Reads <see cref="ToString"/>'s form; false for anything else.</summary>
    public static bool TryParse(string? value, out ArchiveCursor cursor)
    {
        cursor = default;
        var dash = value?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new ArchiveCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }

    /// <summary>True when the entry (<paramref name="sortAt"/>, <paramref name="id"/>) comes after this cursor in newest-first order.</summary>
    public bool IsBefore(DateTime sortAt, long id) => sortAt < SortAt || (sortAt == SortAt && id < AnnouncementId);
}
