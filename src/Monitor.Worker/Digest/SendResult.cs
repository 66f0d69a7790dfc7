namespace Monitor.Worker.Digest;

/// <summary>The outcome of sending one message.</summary>
/// <param name="Sent">True when the server (or the outbox) accepted the message.</param>
/// <param name="Error">Why not, when not.</param>
/// <param name="Permanent">True when retrying cannot help (e.g. the recipient was refused).</param>
public sealed record SendResult(bool Sent, string? Error = null, bool Permanent = false);
