namespace Monitor.Worker.Cli;

/// <summary>The command line is wrong; the message says how. Exit code 2 with usage.</summary>
public sealed class CliUsageException(string message) : Exception(message);
