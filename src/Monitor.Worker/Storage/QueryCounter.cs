using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitor.Worker.Storage;

/// <summary>Counts the commands sent to the database (benchmarks and tests: "one query per batch, not per subscriber").</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private long _commands;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byStatement = new(StringComparer.Ordinal);

    /// <summary>Commands executed so far.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>The most frequent statements (first line, shortened) with their counts.</summary>
    public IEnumerable<(string Statement, int Count)> Top(int count) =>
        _byStatement.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value));

    /// <summary>Starts counting again.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        _byStatement.Clear();
    }

    private void Count(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        var text = command.CommandText.ReplaceLineEndings(" ");
        _byStatement.AddOrUpdate(text.Length > 90 ? text[..90] : text, 1, (_, n) => n + 1);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
