using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>The ledger's view of one page of subscribers: their deliveries for the current periods and what each already had.</summary>
public sealed record LedgerPage(IReadOnlyList<DigestDelivery> Deliveries, IReadOnlyDictionary<long, DeliveredHistory> History)
{
    /// <summary>The delivery of <paramref name="subscriberId"/> for <paramref name="periodKey"/>, or null.</summary>
    public DigestDelivery? Find(long subscriberId, string periodKey) =>
        Deliveries.FirstOrDefault(d => d.SubscriberId == subscriberId && d.PeriodKey == periodKey);

    /// <summary>What <paramref name="subscriberId"/> already had (empty when nothing).</summary>
    public DeliveredHistory HistoryOf(long subscriberId) => History.GetValueOrDefault(subscriberId) ?? DeliveredHistory.Empty;
}
