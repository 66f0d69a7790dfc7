namespace Monitor.Worker.Storage;

/// <summary>The database could not be opened or migrated at start; the message names it and what to check.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
