using Quartz;

namespace Monitor.Worker.Configuration;

/// <summary>Checks Quartz cron expressions (six or seven fields: seconds first).</summary>
public static class CronValidator
{
    /// <summary>Returns null when <paramref name="cron"/> is valid, else a message saying why not.</summary>
    public static string? Check(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException ex)
        {
            return $"'{cron}' is not a valid Quartz cron expression (sec min hour day month weekday [year]): {ex.Message}";
        }
    }
}
