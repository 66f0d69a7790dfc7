namespace Monitor.Worker.Digest;

/// <summary>What the digest run did for one subscriber.</summary>
/// <param name="Subscriber">The subscriber's email.</param>
/// <param name="Period">The period key.</param>
/// <param name="Status">sent, failed, already-sent, nothing-new, not-due, dry-run, given-up, bounced or not-active.</param>
/// <param name="Items">Stories in the digest.</param>
/// <param name="Message">Error or note.</param>
public sealed record DigestRunResult(string Subscriber, string Period, string Status, int Items, string? Message = null);
