using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Archive;

/// <summary>
/// Lists each announcement being inserted under its archive terms, in the same save (and so the same transaction):
/// whichever code stores announcements, the archive index never lags behind or misses one.
/// </summary>
/// <remarks>Announcements changed with <c>ExecuteUpdate</c> bypass this; such code calls
/// <see cref="ArchiveIndex.ReindexAsync"/> for them.</remarks>
internal sealed class ArchiveIndexInterceptor : SaveChangesInterceptor
{
    public static readonly ArchiveIndexInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddTerms(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddTerms(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AddTerms(DbContext? context)
    {
        if (context is null or Storage.MonitorDbContext { WritesArchiveTermsItself: true })
        {
            return;
        }

        var added = context.ChangeTracker.Entries<Announcement>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var announcement in added)
        {
            context.Set<ArchiveTerm>().AddRange(ArchiveIndex.Rows(announcement));
        }
    }
}
