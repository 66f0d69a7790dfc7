using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class StoryKeyConfiguration : IEntityTypeConfiguration<StoryKey>
{
    public void Configure(EntityTypeBuilder<StoryKey> builder)
    {
        // The key is the whole row: a lookup by key and time range reads the index alone.
        builder.HasKey(k => new { k.Key, k.FetchedAt, k.AnnouncementId });
        builder.Property(k => k.Key).ValueGeneratedNever();
        builder.HasOne(k => k.Announcement).WithMany(a => a.ExtraKeys).HasForeignKey(k => k.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.AnnouncementId);
    }
}
