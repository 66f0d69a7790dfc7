using Microsoft.Data.Sqlite;

namespace Monitor.Worker.Storage;

/// <summary>
/// Where a SQLite database file goes, checked before anything opens it: not a directory, not under a file, in a
/// directory that exists (or whose parent does: that one missing level is created at start, and logged) and that can
/// be written. Never creates a chain of missing directories: a typo in the path is an error, not a new tree.
/// </summary>
public static class DatabaseLocation
{
    /// <summary>The database file of a SQLite connection string, or null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Null when the database file can be created or opened for writing, else what is wrong and what to do.</summary>
    public static string? CheckSqlite(string connectionString)
    {
        string? file;
        try
        {
            file = SqliteFile(connectionString);
        }
        catch (ArgumentException ex)
        {
            return $"not a valid SQLite connection string: {ex.Message}";
        }

        if (file is null)
        {
            return null;
        }

        if (Directory.Exists(file))
        {
            return $"'{file}' is a directory, not a database file: name a file such as {Path.Combine(file, "monitor.db")}";
        }

        var directory = Path.GetDirectoryName(file)!;
        for (var ancestor = directory; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return $"'{ancestor}' is a file, so the database '{file}' cannot be created under it: fix the path";
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }
        }

        if (!Directory.Exists(directory))
        {
            var parent = Path.GetDirectoryName(directory);
            return parent is not null && Directory.Exists(parent)
                ? null
                : $"the directory '{directory}' does not exist: create it, or fix the path (only one missing level is created)";
        }

        return File.Exists(file) ? CheckWritableFile(file) : CheckWritableDirectory(directory);
    }

    /// <summary>Creates the database file's directory when it is missing (one level; <see cref="CheckSqlite"/> refused more); true when it did.</summary>
    public static bool CreateDirectory(string connectionString)
    {
        var file = SqliteFile(connectionString);
        var directory = file is null ? null : Path.GetDirectoryName(file);
        if (directory is null || Directory.Exists(directory))
        {
            return false;
        }

        Directory.CreateDirectory(directory);
        return true;
    }

    private static string? CheckWritableFile(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return CheckWritableDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"'{file}' cannot be opened for writing ({ex.Message}): check its permissions";
        }
    }

    private static string? CheckWritableDirectory(string directory)
    {
        // SQLite writes its journal (-wal, -shm) next to the file: the directory must take new files.
        try
        {
            using var probe = new FileStream(Path.Combine(directory, $".monitor-write-check-{Guid.NewGuid():n}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"cannot create files in '{directory}' ({ex.Message}): SQLite needs to write the database and its journal there";
        }
    }
}
