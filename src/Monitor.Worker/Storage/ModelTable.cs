using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Worker.Storage;

/// <summary>
/// An entity's table as the EF model maps it, for the few writers that send their own SQL (<see cref="SqliteRowWriter{T}"/>,
/// <see cref="ArchiveTermWriter"/>, <c>SentMarker</c>): the delimited table and column names, and parameters carrying
/// values converted as EF converts them, so what they write reads back through EF like EF's own rows.
/// </summary>
internal sealed class ModelTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public ModelTable(MonitorDbContext db, Type entityType)
    {
        _entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName() ?? throw new InvalidOperationException($"{entityType.Name} has no table"), _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        Name = _sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    /// <summary>The delimited table name.</summary>
    public string Name { get; }

    public IEntityType Entity => _entity;

    /// <summary>The column of <paramref name="property"/> (a CLR property name).</summary>
    public ModelColumn Column(string property) => Column(_entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.DisplayName()} has no {property}"));

    public ModelColumn Column(IProperty property) => new(property, _sql.DelimitIdentifier(property.GetColumnName(_table)!), property.GetRelationalTypeMapping());
}

/// <summary>One column: its delimited name, and its values as the provider stores them.</summary>
internal sealed record ModelColumn(IProperty Property, string Name, RelationalTypeMapping Mapping)
{
    /// <summary><paramref name="value"/> as the provider stores it (the model's value converter applied).</summary>
    public object? ToProvider(object? value) => value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>Adds a parameter named <paramref name="name"/> to <paramref name="command"/> holding <paramref name="value"/>.</summary>
    public DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = Mapping.CreateParameter(command, name, ToProvider(value), Property.IsNullable);
        command.Parameters.Add(parameter);
        return parameter;
    }
}
