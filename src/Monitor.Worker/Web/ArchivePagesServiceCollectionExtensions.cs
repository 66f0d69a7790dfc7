using Monitor.Worker.Archive;
using Monitor.Worker.Status;

namespace Monitor.Worker.Web;

/// <summary>Registers what the archive, the feeds and the status page need (the worker's web host only).</summary>
public static class ArchivePagesServiceCollectionExtensions
{
    /// <summary>Adds the web options, the archive and status queries, admin access, the archive's output-cache policy
    /// and the one-off indexing of announcements stored before the archive existed.</summary>
    public static IHostApplicationBuilder AddArchivePages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ArchiveQuery>();
        builder.Services.AddSingleton<StatusQuery>();
        builder.Services.AddSingleton<StatusConfiguration>();
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService<ArchiveBackfill>();

        var seconds = builder.Configuration.GetValue<int?>($"{WebOptions.SectionName}:{nameof(WebOptions.ArchiveCacheSeconds)}") ?? new WebOptions().ArchiveCacheSeconds;
        builder.Services.AddOutputCache(o => o.AddPolicy(ArchiveFeedEndpoints.CachePolicy, policy =>
        {
            if (seconds <= 0)
            {
                policy.NoCache();
                return;
            }

            policy.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery(ArchiveFeedEndpoints.QueryKeys);
        }));
        return builder;
    }
}
