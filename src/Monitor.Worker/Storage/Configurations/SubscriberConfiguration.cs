using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.EmailKey).HasMaxLength(320);
        builder.HasIndex(s => s.EmailKey).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);

        // Stored as words, so the table reads well in any SQL client and a new member never renumbers old rows.
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Origin).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Topics).HasMaxLength(200).IsUnicode(false);
        builder.Property(s => s.Countries).HasMaxLength(1000).IsUnicode(false);
        builder.Property(s => s.Languages).HasMaxLength(200).IsUnicode(false);
        builder.Property(s => s.TimeZone).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.TokenStamp).HasMaxLength(32).IsUnicode(false);
        builder.Property(s => s.LastBounceError).HasMaxLength(500);

        // The digest run pages through active subscribers in id order.
        builder.HasIndex(s => new { s.Status, s.Id });
    }
}
