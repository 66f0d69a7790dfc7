using Microsoft.Extensions.Logging.Console;

namespace Monitor.Worker.Cli;

/// <summary>
/// Console logs for operators: ISO 8601 UTC timestamps in both formats, one line per entry in the text format, and
/// the format chosen by <c>Logging:Console:FormatterName</c> (<c>simple</c> or <c>json</c>) for the worker and for
/// every CLI verb alike.
/// </summary>
public static class ConsoleLogging
{
    /// <summary>Adds the console logger and its formatter settings.</summary>
    public static ILoggingBuilder AddMonitorConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole();

        // Without a formatter name the console logger falls back to its legacy options and ignores the ones below.
        logging.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        return logging;
    }
}
