using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class SourceStateConfiguration : IEntityTypeConfiguration<SourceState>
{
    public void Configure(EntityTypeBuilder<SourceState> builder)
    {
        builder.HasKey(s => s.SourceId);
        builder.Property(s => s.SourceId).HasMaxLength(64);
        builder.Property(s => s.ETag).HasMaxLength(512);
        builder.Property(s => s.LastModified).HasMaxLength(128);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Property(s => s.LastOutcome).HasMaxLength(32);
        builder.Ignore(s => s.Persisted);
    }
}
