using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitor.Worker.Archive;

/// <summary>
/// Records the SQL a piece of code runs and asks SQLite how it runs each statement (EXPLAIN QUERY PLAN): the benchmark
/// and the tests use it to show that archive requests seek indexes and never scan a table or sort what they read.
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> _commands = new();

    /// <summary>Commands recorded so far.</summary>
    public int Count => _commands.Count;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Clear() => _commands.Clear();

    /// <summary>The plan lines of every recorded statement that walks a whole table or index or sorts in a temporary
    /// b-tree (SQLite <c>SCAN t</c>, <c>USE TEMP B-TREE</c>) instead of seeking (<c>SEARCH t USING ... INDEX</c>); empty when all seek indexes.</summary>
    public async Task<IReadOnlyList<string>> UnindexedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var bad = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (sql, parameters) in _commands.DistinctBy(c => c.Sql))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(3));
                }
            }

            // SCAN of a co-routine or materialised subquery walks rows an inner, indexed and LIMITed query produced.
            var subqueries = lines.Where(l => l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || l.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
            foreach (var detail in lines)
            {
                var scan = detail.StartsWith("SCAN ", StringComparison.Ordinal) && !subqueries.Contains(detail.Split(' ')[1])
                    && !detail.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal)
                    // json_each over a list parameter walks the list (a page's ids), not a table.
                    && !detail.Contains(" VIRTUAL TABLE ", StringComparison.Ordinal);
                if (scan || detail.Contains("TEMP B-TREE", StringComparison.Ordinal))
                {
                    bad.Add($"{detail}  <=  {sql.ReplaceLineEndings(" ")}");
                }
            }
        }

        return bad;
    }

    private void Record(DbCommand command) =>
        _commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray()));
}
