using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class RequestCountConfiguration : IEntityTypeConfiguration<RequestCount>
{
    public void Configure(EntityTypeBuilder<RequestCount> builder)
    {
        // The key the upsert in RequestLimits conflicts on; the window index serves the purge of ended windows.
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(c => c.WindowStart);
    }
}
