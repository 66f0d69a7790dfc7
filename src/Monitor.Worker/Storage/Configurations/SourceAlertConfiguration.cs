using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class SourceAlertConfiguration : IEntityTypeConfiguration<SourceAlert>
{
    public void Configure(EntityTypeBuilder<SourceAlert> builder)
    {
        builder.HasKey(a => a.SourceId);
        builder.Property(a => a.SourceId).HasMaxLength(64);
    }
}
