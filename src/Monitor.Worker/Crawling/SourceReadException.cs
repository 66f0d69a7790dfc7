namespace Monitor.Worker.Crawling;

/// <summary>A source's document could not be read as the configured (or detected) kind.</summary>
public sealed class SourceReadException(string message, Exception? inner = null) : Exception(message, inner);
