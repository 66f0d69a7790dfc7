using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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
    private readonly ModelColumn _sentAtColumn;

    private SentMarker(MonitorDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
        var table = new ModelTable(db, typeof(DigestDelivery));
        var (state, attempts, error, id) = (table.Column(nameof(DigestDelivery.State)), table.Column(nameof(DigestDelivery.Attempts)).Name,
            table.Column(nameof(DigestDelivery.LastError)).Name, table.Column(nameof(DigestDelivery.Id)));
        _sentAtColumn = table.Column(nameof(DigestDelivery.SentAt));
        _command = db.Database.GetDbConnection().CreateCommand();
        state.AddParameter(_command, "@state", DeliveryState.Sent);
        _sentAt = _sentAtColumn.AddParameter(_command, "@sentAt", time.GetUtcNow().UtcDateTime);
        _id = id.AddParameter(_command, "@id", 0L);
        _command.CommandText = $"UPDATE {table.Name} SET {state.Name} = @state, {_sentAtColumn.Name} = @sentAt, {attempts} = {attempts} + 1, "
            + $"{error} = NULL WHERE {id.Name} = @id";
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
        _sentAt.Value = _sentAtColumn.ToProvider(_time.GetUtcNow().UtcDateTime);
        await _command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
        await _db.DisposeAsync();
    }
}
