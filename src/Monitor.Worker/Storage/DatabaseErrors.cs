using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Monitor.Worker.Storage;

/// <summary>Tells database errors apart where the answer changes what the caller does.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when <paramref name="exception"/> (or the database error inside it) is a unique key violation: another writer
    /// stored the same key first. A lock timeout, a full disk or a lost connection is not one, and must not be taken for
    /// "someone else did it".
    /// </summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
                case SqliteException sqlite:
                    return sqlite.SqliteExtendedErrorCode is 2067 or 1555;
                case SqlException sqlServer:
                    return sqlServer.Number is 2601 or 2627;
                case DbException other when other.SqlState is not null:
                    return other.SqlState == "23505";
            }
        }

        return false;
    }
}
