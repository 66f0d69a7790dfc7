using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class MaintenanceMarkerConfiguration : IEntityTypeConfiguration<MaintenanceMarker>
{
    public void Configure(EntityTypeBuilder<MaintenanceMarker> builder)
    {
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(64);
    }
}
