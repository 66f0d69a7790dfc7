using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.PeriodKey).HasMaxLength(32).IsUnicode(false);
        builder.Property(d => d.MessageId).HasMaxLength(200).IsUnicode(false);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasIndex(d => new { d.SubscriberId, d.PeriodKey }).IsUnique();

        // The status page lists the latest failures without reading every delivery.
        builder.HasIndex(d => new { d.State, d.Id });
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Items).WithOne().HasForeignKey(i => i.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
