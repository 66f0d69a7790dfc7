using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class RobotsEntryConfiguration : IEntityTypeConfiguration<RobotsEntry>
{
    public void Configure(EntityTypeBuilder<RobotsEntry> builder)
    {
        builder.HasKey(r => r.Site);
        builder.Property(r => r.Site).HasMaxLength(300);
    }
}
