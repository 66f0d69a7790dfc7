using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class DigestDeliveryItemConfiguration : IEntityTypeConfiguration<DigestDeliveryItem>
{
    public void Configure(EntityTypeBuilder<DigestDeliveryItem> builder)
    {
        builder.HasKey(i => new { i.DeliveryId, i.AnnouncementId });

        // The database itself refuses to put one announcement in two digests of the same subscriber.
        builder.HasIndex(i => new { i.SubscriberId, i.AnnouncementId }).IsUnique();
        builder.HasOne<Announcement>().WithMany().HasForeignKey(i => i.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}
