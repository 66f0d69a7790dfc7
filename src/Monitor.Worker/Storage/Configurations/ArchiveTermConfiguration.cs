using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class ArchiveTermConfiguration : IEntityTypeConfiguration<ArchiveTerm>
{
    public void Configure(EntityTypeBuilder<ArchiveTerm> builder)
    {
        builder.HasKey(t => new { t.AnnouncementId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(Archive.ArchiveTerms.MaxTermLength);

        // A listing walks one term newest first and stops after its page.
        builder.HasIndex(t => new { t.Term, t.SortAt, t.AnnouncementId });
        builder.HasOne(t => t.Announcement).WithMany().HasForeignKey(t => t.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}
