using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.HasKey(a => a.Id);

        // The URL itself can be far longer than SQL Server's 1,700-byte index key: the unique index is on its hash.
        builder.Property(a => a.UrlHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => a.UrlHash).IsUnique();
        builder.Property(a => a.CanonicalUrl).HasMaxLength(4000);

        builder.Property(a => a.SourceId).HasMaxLength(64);
        builder.Property(a => a.ItemKeyHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => new { a.SourceId, a.ItemKeyHash }).IsUnique();

        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.Property(a => a.TitleGloss).HasMaxLength(1000);
        builder.Property(a => a.Language).HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Topics).HasMaxLength(200);
        builder.Property(a => a.Countries).HasMaxLength(200);
        builder.Property(a => a.Models).HasMaxLength(500);
        builder.Property(a => a.Reasons).HasMaxLength(4000);
        builder.HasIndex(a => a.FetchedAt);

        // Story candidates come from these indexes, never from a scan of the story window.
        builder.HasIndex(a => new { a.Band0, a.FetchedAt });
        builder.HasIndex(a => new { a.Band1, a.FetchedAt });
        builder.HasIndex(a => new { a.Band2, a.FetchedAt });
        builder.HasIndex(a => new { a.Band3, a.FetchedAt });
        builder.HasIndex(a => new { a.TitleKey0, a.FetchedAt });
        builder.HasIndex(a => new { a.TitleKey1, a.FetchedAt });
        builder.HasIndex(a => new { a.TitleKey2, a.FetchedAt });
        builder.HasIndex(a => new { a.TitleKey3, a.FetchedAt });
        builder.Property(a => a.Publisher).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Anchors).HasMaxLength(1000);

        builder.HasOne(a => a.Story).WithMany(s => s.Announcements).HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
    }
}
