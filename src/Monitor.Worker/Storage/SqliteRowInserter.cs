using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Worker.Storage;

/// <summary>
/// Inserts rows of one entity type on SQLite with one prepared statement, reused for every row, inside the context's
/// current transaction. The statement, the columns and the value conversions come from the EF model itself (its table
/// and column names, its type mappings and converters), so a row stored here reads back through EF exactly as one
/// stored by <c>SaveChanges</c>. It skips EF's change tracking, which cost more than SQLite's own work when a crawl
/// stores thousands of announcements. The generated key (if any) is read back with <c>RETURNING</c> and set on the
/// entity.
/// </summary>
/// <remarks>SQLite only: SQL Server and PostgreSQL keep EF's batched inserts, which suit them well.</remarks>
internal sealed class SqliteRowInserter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly IProperty? _generatedKey;

    public SqliteRowInserter(MonitorDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties;
        _generatedKey = key is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var properties = entityType.GetProperties().Where(p => p != _generatedKey).ToList();
        if (properties.Any(p => p.IsShadowProperty()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties, which this inserter cannot read");
        }

        var connection = db.Database.GetDbConnection();
        _command = connection.CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)).ToList();
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})"
            + (_generatedKey is null ? "" : $" RETURNING {sql.DelimitIdentifier(_generatedKey.GetColumnName(store)!)}");
        _columns = properties.Select((p, i) =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, $"@p{i}", null, p.IsNullable);
            _command.Parameters.Add(parameter);
            return new Column(p.GetGetter(), mapping.Converter, parameter);
        }).ToArray();
    }

    /// <summary>Inserts <paramref name="row"/> and sets its generated key.</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">A constraint failed (a unique key already stored).</exception>
    public void Insert(T row)
    {
        foreach (var column in _columns)
        {
            var value = column.Getter.GetClrValue(row);
            if (value is not null && column.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            column.Parameter.Value = value ?? DBNull.Value;
        }

        if (_generatedKey is null)
        {
            _command.ExecuteNonQuery();
            return;
        }

        var id = _command.ExecuteScalar() ?? throw new InvalidOperationException($"no key returned for {typeof(T).Name}");
        var converted = _generatedKey.GetTypeMapping().Converter is { } keyConverter ? keyConverter.ConvertFromProvider(id) : id;
        _generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(converted, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _command.Dispose();

    private sealed record Column(IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter Parameter);
}
