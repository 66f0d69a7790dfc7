using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>
/// Marks deliveries sent one at a time, as each message is accepted, over one open connection with one prepared
/// statement: the per-message cost is one short UPDATE by key, without a pooled connection, a context or a query
/// translation per message. Table and column names and value conversions come from the EF model, so the row reads
/// back through EF as any other.
/// </summary>
public sealed class SentMarker : IAsyncDisposable
{
    private readonly MonitorDbContext _db;
    private readonly TimeProvider _time;
    private readonly DbCommand _command;
    private readonly DbParameter _id;
    private readonly DbParameter _sentAt;
    private readonly Func<object?, object?> _convertTime;

    private SentMarker(MonitorDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
        var entity = db.Model.FindEntityType(typeof(DigestDelivery))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        _command = db.Database.GetDbConnection().CreateCommand();
        var state = entity.FindProperty(nameof(DigestDelivery.State))!.GetRelationalTypeMapping();
        var sentState = state.Converter is { } converter ? converter.ConvertToProvider(DeliveryState.Sent) : DeliveryState.Sent;
        var stateParameter = state.CreateParameter(_command, "@state", sentState, nullable: false);
        var sentAt = entity.FindProperty(nameof(DigestDelivery.SentAt))!.GetRelationalTypeMapping();
        _convertTime = sentAt.Converter is { } timeConverter ? timeConverter.ConvertToProvider : v => v;
        _sentAt = sentAt.CreateParameter(_command, "@sentAt", _convertTime(time.GetUtcNow().UtcDateTime), nullable: true);
        _id = entity.FindProperty(nameof(DigestDelivery.Id))!.GetRelationalTypeMapping().CreateParameter(_command, "@id", 0L, nullable: false);
        _command.Parameters.Add(stateParameter);
        _command.Parameters.Add(_sentAt);
        _command.Parameters.Add(_id);
        var attempts = Column(nameof(DigestDelivery.Attempts));
        _command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(nameof(DigestDelivery.State))} = @state, "
            + $"{Column(nameof(DigestDelivery.SentAt))} = @sentAt, {attempts} = {attempts} + 1, {Column(nameof(DigestDelivery.LastError))} = NULL "
            + $"WHERE {Column(nameof(DigestDelivery.Id))} = @id";
    }

    /// <summary>Opens a marker on its own connection.</summary>
    public static async Task<SentMarker> OpenAsync(MonitorDbContextFactory contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        var db = contexts.CreateDbContext();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new SentMarker(db, time);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Marks <paramref name="deliveryId"/> sent now (its own transaction: the mark is durable when this returns).</summary>
    public async Task MarkAsync(long deliveryId)
    {
        _id.Value = deliveryId;
        _sentAt.Value = _convertTime(_time.GetUtcNow().UtcDateTime);
        await _command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
        await _db.DisposeAsync();
    }
}
