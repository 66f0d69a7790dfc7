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
    TimeZoneInfo? TimeZone = null);
