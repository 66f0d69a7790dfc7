namespace Monitor.Worker.Digest;

/// <summary>The outcome of sending one message.</summary>
/// <param name="Sent">True when the server (or the outbox) accepted the message.</param>
/// <param name="Error">Why not, when not.</param>
/// <param name="Permanent">True when retrying cannot help (a 5xx answer).</param>
/// <param name="Bounce">True when the server refused the recipient permanently (5xx on RCPT): it counts against the address.</param>
public sealed record SendResult(bool Sent, string? Error = null, bool Permanent = false, bool Bounce = false);
