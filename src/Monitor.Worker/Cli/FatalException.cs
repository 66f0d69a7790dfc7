namespace Monitor.Worker.Cli;

/// <summary>A failure that ends the verb with one line saying what and what to do (exit 1); no stack trace.</summary>
public sealed class FatalException(string message, Exception? inner = null) : Exception(message, inner);
