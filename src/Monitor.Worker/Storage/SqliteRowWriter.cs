using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Worker.Storage;

/// <summary>
/// Writes rows of one entity type on SQLite with prepared statements, reused for every row, inside the context's
/// current transaction. The statements, the columns and the value conversions come from the EF model itself (its table
/// and column names, its type mappings and converters), so a row written here reads back through EF exactly as one
/// written by <c>SaveChanges</c>. It skips EF's change tracking, which cost more than SQLite's own work when a crawl
/// stores thousands of announcements or a thousand source states. A generated key is read back with <c>RETURNING</c>.
/// </summary>
/// <remarks>SQLite only: SQL Server and PostgreSQL keep EF's batched statements, which suit them well.</remarks>
internal sealed class SqliteRowWriter<T> : IDisposable
    where T : class
{
    private readonly MonitorDbContext _db;
    private readonly ModelTable _table;
    private readonly IReadOnlyList<IProperty> _key;
    private readonly IProperty? _generatedKey;
    private readonly List<IProperty> _properties;
    private readonly bool _ignoreConflicts;
    private Statement? _insert;
    private Statement? _update;

    /// <param name="db">The context whose connection and transaction the statements use.</param>
    /// <param name="ignoreConflicts">Inserts skip a row whose key or unique index is already stored (<c>INSERT OR IGNORE</c>)
    /// instead of failing.</param>
    public SqliteRowWriter(MonitorDbContext db, bool ignoreConflicts = false)
    {
        _db = db;
        _ignoreConflicts = ignoreConflicts;
        _table = new ModelTable(db, typeof(T));
        var entityType = _table.Entity;
        _key = entityType.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{typeof(T).Name} has no key");
        _generatedKey = _key is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        _properties = entityType.GetProperties().ToList();
        if (_properties.Any(p => p.IsShadowProperty()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties, which this writer cannot read");
        }
    }

    /// <summary>Inserts <paramref name="row"/> and sets its generated key.</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">A constraint failed (a unique key already stored).</exception>
    public void Insert(T row)
    {
        _insert ??= Prepare(_properties.Where(p => p != _generatedKey).ToList(), columns =>
            $"INSERT {(_ignoreConflicts ? "OR IGNORE " : "")}INTO {_table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})"
            + (_generatedKey is null ? "" : $" RETURNING {_table.Column(_generatedKey).Name}"));
        if (_generatedKey is null)
        {
            _insert.Bind(row).ExecuteNonQuery();
            return;
        }

        var id = _insert.Bind(row).ExecuteScalar() ?? throw new InvalidOperationException($"no key returned for {typeof(T).Name}");
        var converted = _generatedKey.GetTypeMapping().Converter is { } converter ? converter.ConvertFromProvider(id) : id;
        _generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(converted, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Updates every column of the stored row with <paramref name="row"/>'s key, or inserts it when there is none.</summary>
    public void Upsert(T row)
    {
        var values = _properties.Where(p => !_key.Contains(p)).ToList();
        _update ??= Prepare([.. values, .. _key], columns =>
            $"UPDATE {_table.Name} SET {string.Join(", ", columns.Take(values.Count).Select(c => $"{c.Name} = {c.Parameter.ParameterName}"))}"
            + $" WHERE {string.Join(" AND ", columns.Skip(values.Count).Select(c => $"{c.Name} = {c.Parameter.ParameterName}"))}");
        if (_update.Bind(row).ExecuteNonQuery() == 0)
        {
            Insert(row);
        }
    }

    public void Dispose()
    {
        _insert?.Command.Dispose();
        _update?.Command.Dispose();
    }

    private Statement Prepare(List<IProperty> properties, Func<List<Bound>, string> text)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = properties.Select((p, i) =>
        {
            var column = _table.Column(p);
            return new Bound(column, p.GetGetter(), column.AddParameter(command, $"@p{i}", null));
        }).ToList();
        command.CommandText = text(columns);
        return new Statement(command, columns);
    }

    private sealed record Bound(ModelColumn Column, IClrPropertyGetter Getter, DbParameter Parameter)
    {
        public string Name => Column.Name;
    }

    private sealed record Statement(DbCommand Command, List<Bound> Columns)
    {
        public DbCommand Bind(T row)
        {
            foreach (var column in Columns)
            {
                column.Parameter.Value = column.Column.ToProvider(column.Getter.GetClrValue(row)) ?? DBNull.Value;
            }

            return Command;
        }
    }
}
