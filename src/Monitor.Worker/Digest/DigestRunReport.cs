using MimeKit;

namespace Monitor.Worker.Digest;

/// <summary>The per-subscriber results of a digest run, and the composed messages of a dry run.</summary>
public sealed record DigestRunReport(IReadOnlyList<DigestRunResult> Results, IReadOnlyList<MimeMessage> Previews);
