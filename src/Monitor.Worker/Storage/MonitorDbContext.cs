using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// The store. This type is the SQL Server context; <see cref="SqliteMonitorDbContext"/> derives from it so each provider
/// keeps its own migrations (EF Core "Migrations with Multiple Providers").
/// </summary>
/// <remarks>
/// Every model change adds a migration to both providers:
/// <code>
/// dotnet ef migrations add NAME --project src/Monitor.Worker --context MonitorDbContext --output-dir Storage/Migrations/SqlServer
/// dotnet ef migrations add NAME --project src/Monitor.Worker --context SqliteMonitorDbContext --output-dir Storage/Migrations/Sqlite
/// </code>
/// </remarks>
public class MonitorDbContext : DbContext, IDataProtectionKeyContext
{
    public MonitorDbContext(DbContextOptions<MonitorDbContext> options) : base(options) { }

    protected MonitorDbContext(DbContextOptions options) : base(options) { }

    public DbSet<SourceState> SourceStates => Set<SourceState>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<StoryKey> StoryKeys => Set<StoryKey>();

    public DbSet<RobotsEntry> RobotsEntries => Set<RobotsEntry>();

    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<DigestDeliveryItem> DigestDeliveryItems => Set<DigestDeliveryItem>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    /// <summary>Open source-failure alerts (one row from the alert mail to the recovery mail).</summary>
    public DbSet<SourceAlert> SourceAlerts => Set<SourceAlert>();

    /// <summary>Subscription mails waiting to be sent (any replica sends them).</summary>
    public DbSet<QueuedSubscriptionMail> SubscriptionMailQueue => Set<QueuedSubscriptionMail>();

    /// <summary>Form requests per client and per address in the current hour (the web limits every replica shares).</summary>
    public DbSet<RequestCount> RequestCounts => Set<RequestCount>();

    /// <summary>Where maintenance tasks (retention) got to.</summary>
    public DbSet<MaintenanceMarker> MaintenanceMarkers => Set<MaintenanceMarker>();
    /// <summary>The public archive's index of relevant announcements (filled as they are stored).</summary>
    public DbSet<ArchiveTerm> ArchiveTerms => Set<ArchiveTerm>();

    /// <summary>ASP.NET Core Data Protection keys (link tokens, antiforgery), shared by every replica on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Set by a writer that inserts the archive index rows of the announcements it saves itself
    /// (<see cref="ArchiveTermWriter"/>): the interceptor then leaves them out of EF's change tracking.</summary>
    internal bool WritesArchiveTermsItself { get; set; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Every writer (the crawl, the demo, benchmarks, tests) indexes what it stores for the archive.
        optionsBuilder.AddInterceptors(Archive.ArchiveIndexInterceptor.Instance);
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IndexNewAnnouncements();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IndexNewAnnouncements();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Whatever path inserts an announcement, its story index keys (SimHash bands, title keys) go in with it.
    private void IndexNewAnnouncements()
    {
        foreach (var entry in ChangeTracker.Entries<Announcement>().Where(e => e.State == EntityState.Added).ToList())
        {
            if (entry.Entity.Band0 is null && entry.Entity.TitleKey0 is null && entry.Entity.Anchors.Length == 0)
            {
                StoryCandidateQuery.Index(entry.Entity);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC; SQLite forgets DateTime.Kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
