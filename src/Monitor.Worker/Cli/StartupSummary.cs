using Microsoft.Extensions.Options;
using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The line <c>run</c> logs at start: where its configuration and database are, what it will do, how it mails.</summary>
public static class StartupSummary
{
    /// <summary>Logs the summary (no secrets: the database is described by file or host, the SMTP server by host and mode).</summary>
    public static void Log(IServiceProvider services, ConfigPaths paths, ILogger logger)
    {
        var sources = services.GetRequiredService<SourceCatalog>().Sources;
        var scheduling = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var digest = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var enabled = sources.Count(s => s.Enabled);
        var mail = string.IsNullOrWhiteSpace(smtp.Host)
            ? $".eml files in {Path.GetFullPath(digest.OutboxDirectory)}"
            : $"SMTP {smtp.Host}:{smtp.Port} ({smtp.Security}{(string.IsNullOrWhiteSpace(smtp.UserName) ? "" : ", authenticated")})";
        logger.LogInformation(
            "Monitor starting: config {ConfigDirectory}, database {Database}, {SourcesScheduled} sources scheduled ({SourcesDisabled} disabled), {Subscribers} subscribers, mail {MailMode}",
            paths.Directory,
            services.GetRequiredService<MonitorDbContextFactory>().Describe(),
            scheduling.Enabled ? enabled : 0,
            sources.Count - enabled,
            digest.Subscribers.Count,
            mail);
    }
}
