using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// Inserts archive index rows on server databases in multi-row INSERT statements of <see cref="RowsPerStatement"/> rows,
/// inside the context's current transaction. A crawled item has a dozen index rows: through EF's change tracking they
/// cost more CPU than the rest of storing it (a PostgreSQL crawl ran at half its speed), and they are written inside the
/// store's lock. Names, column types and value conversions come from the EF model, so the rows read back as EF's would.
/// </summary>
internal static class ArchiveTermWriter
{
    /// <summary>Rows per statement: three parameters each, within SQL Server's 2,100 parameters per command.</summary>
    public const int RowsPerStatement = 500;

    /// <summary>Inserts the index rows of <paramref name="announcements"/>, which must have their ids.</summary>
    public static async Task InsertAsync(MonitorDbContext db, IEnumerable<Announcement> announcements, CancellationToken cancellationToken)
    {
        var rows = announcements.SelectMany(a => (a.PreparedArchiveTerms ?? Archive.ArchiveIndex.Rows(a)).Select(t => (a.Id, t.Term, t.SortAt))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var table = new ModelTable(db, typeof(ArchiveTerm));
        var columns = new[] { nameof(ArchiveTerm.AnnouncementId), nameof(ArchiveTerm.Term), nameof(ArchiveTerm.SortAt) }.Select(table.Column).ToArray();
        var insert = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(insert);
            for (var i = 0; i < chunk.Length; i++)
            {
                var values = new object[] { chunk[i].Id, chunk[i].Term, chunk[i].SortAt };
                text.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{(i * columns.Length) + c}";
                    columns[c].AddParameter(command, name, values[c]);
                    text.Append(c == 0 ? "" : ", ").Append(name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
