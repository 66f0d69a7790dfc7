using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Digest;

/// <summary>Everything a digest message says, gathered before composing it; dates are shown in <paramref name="TimeZone"/> (UTC when null).</summary>
public sealed record DigestContent(
    string ToEmail,
    string? ToName,
    string FromEmail,
    string FromName,
    string PeriodLabel,
    string MessageId,
    IReadOnlyList<DigestEntry> Entries,
    TimeZoneInfo? TimeZone = null)
{
    /// <summary>Preferences and unsubscribe links; none in previews for addresses that are not stored.</summary>
    public ManageLinks? Links { get; init; }

    /// <summary>The <c>List-Id</c> header value.</summary>
    public string? ListId { get; init; }

    /// <summary>Completes "You receive this because …".</summary>
    public string Reason { get; init; } = "you subscribed to Monitor digests";

    /// <summary>daily, weekly or instant.</summary>
    public DigestFrequency Frequency { get; init; } = DigestFrequency.Daily;
}
