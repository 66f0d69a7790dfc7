using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;
using Monitor.Worker.Web;

namespace Monitor.Worker.Cli;

/// <summary>The <c>run</c> verb: the long-running worker.</summary>
public static class WorkerCommand
{
    /// <summary>Runs until stopped (SIGTERM / Ctrl+C); graceful shutdown waits for running jobs.</summary>
    /// <exception cref="FatalException">The database cannot be opened or an address cannot be listened on.</exception>
    public static async Task<int> RunAsync(ConfigPaths paths, CancellationToken cancellationToken)
    {
        await using var app = MonitorHost.CreateWorker(paths);
        StartupSummary.Log(app.Services, paths, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitor.Worker"));

        // Checked before the host starts, so a failure is one line here instead of the host's error log with a trace.
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        var urls = app.Services.GetRequiredService<IConfiguration>().GetValue<string>($"{WebOptions.SectionName}:Urls") ?? new WebOptions().Urls;
        CheckCanListen(urls);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>Binds each address for a moment: "address already in use" becomes one line naming the setting.</summary>
    private static void CheckCanListen(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var probe = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri))
            {
                continue;
            }

            var address = uri.IsLoopback && !IPAddress.TryParse(uri.IdnHost, out _) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.IdnHost, out var literal) ? literal : null;
            if (address is null)
            {
                continue;
            }

            try
            {
                var listener = new TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException ex)
            {
                throw new FatalException(
                    $"cannot listen on {url} (Monitor:Web:Urls): {ex.Message}; stop the program using that port or set Monitor:Web:Urls to another address", ex);
            }
        }
    }
}
