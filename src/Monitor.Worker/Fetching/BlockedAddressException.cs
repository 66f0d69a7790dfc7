namespace Monitor.Worker.Fetching;

/// <summary>A connection to a loopback, private, link-local or otherwise internal address was refused (SSRF guard).</summary>
public sealed class BlockedAddressException(string message) : IOException(message);
